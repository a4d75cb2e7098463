/// An HTTP/1.1 server on 127.0.0.1 with a programmable handler: the receiver that tests and
/// benchmarks call instead of a third party.
public enum WaymarkLoopback {}
