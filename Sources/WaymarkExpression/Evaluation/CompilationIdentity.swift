/// The identity of one compilation: its call-site numbers mean something only within it.
///
/// `EvaluationBuffers` hold a strong reference to the identity they were filled for, so the
/// identity cannot be freed and its address reused while buffers still point to it.
package final class CompilationIdentity: Sendable {
    package init() {}
}
