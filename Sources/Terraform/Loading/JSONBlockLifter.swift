import HCL

/// `.tf.json` bodies after parsing. Until the JSON syntax lands, a pass-through.
enum JSONBlockLifter {
    static func lift(_ parsed: HCLBridge.Parsed) -> HCLBridge.Parsed { parsed }
}
