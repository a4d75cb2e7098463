@_exported import WaymarkExpression
