// Fuzz target: the drift.hcl loader (parse, schema, env(), paths, secret masking, rendering) and
// the --shard parser. The input is the text of a drift.hcl, read with a fixed environment; it must
// give a configuration or an error with at least one diagnostic, never a crash.
// Built by scripts/fuzz with -sanitize=fuzzer; the corpus is Fuzz/Corpus/estate-config.
import Estate

private let environment = [
    "DRIFT_EXTERNAL_ID": "ext-1234", "DRIFT_HISTORY": "postgres://u:p@db/drift",
    "DRIFT_SLACK_WEBHOOK": "https://hooks.example.com/x", "DRIFT_REGIONS": "eu-west-1,us-east-1",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEstateConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let config = try EstateConfigLoader.decode(source: text, file: "conf/drift.hcl", environment: environment)
        _ = config.description
        for count in 1...3 {
            for shard in (try? Shard.all(count: count)) ?? [] {
                _ = shard.select(config.accounts.flatMap { a in a.regions.map { EstateTarget(account: a.name, region: $0) } })
            }
        }
    } catch {
        if error.diagnostics.isEmpty || error.rendered.isEmpty { fatalError("an error without a diagnostic") }
    }
    if size < 64 { _ = try? Shard(parsing: text) }
    return 0
}
