import Foundation

/// Debian's `chromium`, headless, for tests of web output: the DOM after the page ran, a
/// screenshot, and the URLs the page itself requested (from Chromium's net log). Nothing leaves
/// the machine: every host resolves to nothing and every proxied request goes to a closed local
/// port, and the browser's own background services are switched off.
public enum Chromium {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static var path: String? {
        for candidate in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return nil
    }

    public struct Page {
        public var dom: String
        /// URLs the page requested (not the browser's own update or sign-in checks).
        public var pageRequests: [String]
    }

    /// Loads `file` and returns its DOM and the URLs it requested.
    public static func load(_ file: URL, width: Int = 1280, height: Int = 900) throws -> Page {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let netLog = scratch.appendingPathComponent("net.json")
        let dom = try run(["--window-size=\(width),\(height)", "--log-net-log=\(netLog.path)", "--dump-dom", file.absoluteString], profile: scratch)
        return Page(dom: dom, pageRequests: try pageRequests(netLog))
    }

    /// Writes a PNG of `file` at this window size.
    public static func screenshot(_ file: URL, to png: URL, width: Int, height: Int) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        _ = try run(["--window-size=\(width),\(height)", "--hide-scrollbars", "--screenshot=\(png.path)", file.absoluteString], profile: scratch)
    }

    static func run(_ arguments: [String], profile: URL) throws -> String {
        guard let path else { throw Failure(description: "chromium is not installed: run scripts/bootstrap") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.appendingPathComponent("profile").path)",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-extensions", "--proxy-server=127.0.0.1:9",
            "--host-resolver-rules=MAP * ~NOTFOUND",
        ] + arguments
        process.currentDirectoryURL = profile
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "chromium exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// URL requests whose initiator is a page (the browser's own have "not an origin").
    static func pageRequests(_ netLog: URL) throws -> [String] {
        let data = try Data(contentsOf: netLog)
        guard let doc = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let constants = doc["constants"] as? [String: Any],
            let types = constants["logEventTypes"] as? [String: Int],
            let start = types["URL_REQUEST_START_JOB"],
            let events = doc["events"] as? [[String: Any]]
        else { throw Failure(description: "unreadable net log") }
        return events.compactMap { event in
            guard event["type"] as? Int == start, let params = event["params"] as? [String: Any],
                let url = params["url"] as? String, params["initiator"] as? String != "not an origin"
            else { return nil }
            return url
        }
    }
}
