import GRDB
import WaymarkStore
