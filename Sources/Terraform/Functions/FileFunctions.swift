import Crypto
import Foundation
import HCL

/// Filesystem functions. Relative paths resolve against `baseDirectory`, which Terraform sets to
/// the directory it runs in (the root module), not the calling module: configurations write
/// `"${path.module}/x"` for that reason. Path helpers follow Go's `path/filepath`.
struct FileFunctions {
    let baseDirectory: String

    var all: [HCLFunction] {
        [
            file, fileexists, fileset, filebase64, hashing("filemd5") { Insecure.MD5.hash(data: $0).hex },
            hashing("filesha1") { Insecure.SHA1.hash(data: $0).hex }, hashing("filesha256") { SHA256.hash(data: $0).hex },
            hashing("filesha512") { SHA512.hash(data: $0).hex },
            hashing("filebase64sha256") { Data(SHA256.hash(data: $0)).base64EncodedString() },
            hashing("filebase64sha512") { Data(SHA512.hash(data: $0)).base64EncodedString() },
            Self.dirname, Self.basename, Self.pathexpand, abspath,
        ]
    }

    /// `path` as Terraform opens it: `~` expanded, then relative to the base directory.
    func resolve(_ path: String) -> String {
        let expanded = Self.expandHome(path)
        if expanded.hasPrefix("/") { return expanded }
        return PathText.clean(PathText.join(baseDirectory, expanded))
    }

    func read(_ args: FunctionArguments, _ index: Int) throws(FunctionError) -> Data {
        let path = try args.string(index)
        let resolved = resolve(path)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory)
        if exists, isDirectory.boolValue { throw args.fail(index, "failed to read file: read \(path): is a directory") }
        guard exists, let data = FileManager.default.contents(atPath: resolved) else {
            throw args.fail(index, "no file exists at \(JSONText.quote(path)); this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource.")
        }
        return data
    }

    /// A file's text; non-UTF-8 contents are an error, as in Terraform.
    func text(_ args: FunctionArguments, _ index: Int) throws(FunctionError) -> String {
        let data = try read(args, index)
        guard let text = String(data: data, encoding: .utf8) else {
            throw args.fail(nil, "contents of \(JSONText.quote(try args.string(index))) are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead")
        }
        return text
    }

    var file: HCLFunction {
        let functions = self
        return Builtin.function("file", ["path"]) { args throws(FunctionError) in .string(try functions.text(args, 0)) }
    }

    var filebase64: HCLFunction {
        let functions = self
        return Builtin.function("filebase64", ["path"]) { args throws(FunctionError) in
            .string(try functions.read(args, 0).base64EncodedString())
        }
    }

    func hashing(_ name: String, _ digest: @escaping @Sendable (Data) -> String) -> HCLFunction {
        let functions = self
        return Builtin.function(name, ["path"]) { args throws(FunctionError) in .string(digest(try functions.read(args, 0))) }
    }

    var fileexists: HCLFunction {
        let functions = self
        return Builtin.function("fileexists", ["path"]) { args throws(FunctionError) in
            var isDirectory: ObjCBool = false
            let path = functions.resolve(try args.string(0))
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .bool(false) }
            if isDirectory.boolValue { throw args.fail(nil, "\(JSONText.quote(try args.string(0))) is a directory, not a file") }
            return .bool(true)
        }
    }

    /// Files (not directories) under `path` whose relative names match `pattern` (`*`, `?`,
    /// `[...]`, `{a,b}`, `**`), sorted.
    var fileset: HCLFunction {
        let functions = self
        return Builtin.function("fileset", ["path", "pattern"]) { args throws(FunctionError) in
            let root = functions.resolve(try args.string(0))
            let pattern = try args.string(1)
            guard let walker = FileManager.default.enumerator(atPath: root) else { return .set([]) }
            var matches: [HCLValue] = []
            while let relative = walker.nextObject() as? String {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: PathText.join(root, relative), isDirectory: &isDirectory),
                    !isDirectory.boolValue, Glob.matches(pattern, relative)
                else { continue }
                matches.append(.string(relative))
            }
            return SetOrder.set(matches)
        }
    }

    var abspath: HCLFunction {
        let base = baseDirectory
        return Builtin.function("abspath", ["path"]) { args throws(FunctionError) in
            let path = try args.string(0)
            if path.hasPrefix("/") { return .string(PathText.clean(path)) }
            let absoluteBase = base.hasPrefix("/") ? base : PathText.join(FileManager.default.currentDirectoryPath, base)
            return .string(PathText.clean(PathText.join(absoluteBase, path)))
        }
    }

    static let dirname = Builtin.function("dirname", ["path"]) { args throws(FunctionError) in .string(PathText.dir(try args.string(0))) }
    static let basename = Builtin.function("basename", ["path"]) { args throws(FunctionError) in .string(PathText.base(try args.string(0))) }
    static let pathexpand = Builtin.function("pathexpand", ["path"]) { args throws(FunctionError) in .string(expandHome(try args.string(0))) }

    static func expandHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return home + path.dropFirst()
    }
}
