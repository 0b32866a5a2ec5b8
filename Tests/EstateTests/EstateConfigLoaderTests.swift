import Estate
import HCL
import Testing

/// The loader's rules one at a time, on sources decoded in memory (`decode` touches no files).
@Suite("EstateConfigLoader")
struct EstateConfigLoaderTests {
    func decode(_ source: String, file: String = "drift.hcl", environment: [String: String] = [:]) throws(EstateConfigError) -> EstateConfig {
        try EstateConfigLoader.decode(source: source, file: file, environment: environment)
    }

    func failure(_ source: String, environment: [String: String] = [:]) -> EstateConfigError? {
        do {
            _ = try decode(source, environment: environment)
            return nil
        } catch {
            return error
        }
    }

    // MARK: env

    @Test("env() reads the environment; an unset or empty variable is an error at the call naming it")
    func environment() throws {
        let source = """
            root "a" { path = env("ROOT") }
            account "prod" {
              role_arn    = "arn:aws:iam::111122223333:role/drift"
              external_id = env("EXTERNAL_ID")
            }
            """
        let config = try decode(source, environment: ["ROOT": "infra/a", "EXTERNAL_ID": "ext-123"])
        #expect(config.roots.first?.path == "infra/a")
        #expect(config.accounts.first?.externalID == "ext-123")
        for environment in [["ROOT": "infra/a"], ["ROOT": "infra/a", "EXTERNAL_ID": ""]] {
            let error = failure(source, environment: environment)
            #expect(error?.diagnostics.count == 1)
            #expect(error?.rendered == """
                drift.hcl:4:17: error: Error in function call
                  external_id = env("EXTERNAL_ID")
                                ^
                Call to function "env" failed: the environment variable EXTERNAL_ID is not set (or is empty). Set it, or give a default: env("EXTERNAL_ID", "...").
                """)
        }
    }

    @Test("env(NAME, default) gives the default when unset; a null default leaves the argument unset")
    func environmentDefault() throws {
        let source = """
            root "a" {
              path  = env("ROOT", "infra/default")
              state = env("STATE", null)
              vars  = { token = env("TOKEN", null), region = env("REGION", "eu-west-1") }
            }
            account "prod" { profile = env("PROFILE", null) }
            """
        let unset = try decode(source)
        #expect(unset.roots.first?.path == "infra/default")
        #expect(unset.roots.first?.state == nil)
        #expect(unset.roots.first?.vars == ["region=eu-west-1"])
        #expect(unset.accounts.first?.profile == nil)
        let set = try decode(source, environment: ["ROOT": "r", "STATE": "s.tfstate", "TOKEN": "t", "PROFILE": "p"])
        #expect(set.roots.first?.path == "r")
        #expect(set.roots.first?.state == "s.tfstate")
        #expect(set.roots.first?.vars == ["region=eu-west-1", "token=t"])
        #expect(set.accounts.first?.profile == "p")
    }

    @Test("env() with a wrong argument is a diagnostic at that argument")
    func environmentArguments() {
        let error = failure(#"root "a" { path = env(3) }"#)
        #expect(error?.diagnostics.map(\.message) == ["Invalid function argument"])
        #expect(error?.diagnostics.first?.range.start.column == 23)
    }

    // MARK: paths

    @Test("paths are relative to the file's directory and cleaned; absolute paths and s3:// states are kept")
    func relativePaths() throws {
        let source = """
            root "a" {
              path      = "../infra/./a/"
              var_files = ["prod.tfvars", "/etc/drift/common.tfvars"]
              state     = "../state/a.tfstate"
            }
            root "b" {
              path  = "/srv/infra/b"
              state = "s3://acme-tfstate/b/terraform.tfstate"
            }
            history { url = "history/drift.sqlite" }
            """
        let nested = try decode(source, file: "ops/conf/drift.hcl")
        #expect(nested.roots.map(\.path) == ["ops/infra/a", "/srv/infra/b"])
        #expect(nested.roots[0].varFiles == ["ops/conf/prod.tfvars", "/etc/drift/common.tfvars"])
        #expect(nested.roots[0].state == "ops/state/a.tfstate")
        #expect(nested.roots[1].state == "s3://acme-tfstate/b/terraform.tfstate")
        #expect(nested.historyURL == "ops/conf/history/drift.sqlite")
        #expect(nested.file == "ops/conf/drift.hcl")
        let here = try decode(source, file: "drift.hcl")
        #expect(here.roots[0].path == "../infra/a")
        #expect(here.roots[0].varFiles[0] == "prod.tfvars")
        let absolute = try decode(source, file: "/etc/drift/drift.hcl")
        #expect(absolute.roots[0].path == "/etc/infra/a")
        #expect(absolute.historyURL == "/etc/drift/history/drift.sqlite")
        let root = try decode(source, file: "/drift.hcl")
        #expect(root.roots[0].path == "/infra/a")
    }

    @Test("a postgres:// history is kept as written")
    func postgresHistory() throws {
        let config = try decode(#"root "a" { path = "." }"# + "\n" + #"history { url = env("H") }"#, environment: ["H": "postgres://u:p@db:5432/drift"])
        #expect(config.historyURL == "postgres://u:p@db:5432/drift")
    }

    // MARK: secrets

    @Test("secrets appear in no description, debug description or dump")
    func secretsNotDescribed() throws {
        let source = """
            root "a" { path = "." }
            account "prod" {
              role_arn    = "arn:aws:iam::111122223333:role/drift"
              external_id = env("ID")
            }
            history { url = env("H") }
            notify { url = env("W") }
            """
        let secrets = ["ID": "ext-SECRET1", "H": "postgres://drift:SECRET2@db/drift", "W": "https://hooks.example.com/SECRET3"]
        let config = try decode(source, environment: secrets)
        #expect(config.accounts.first?.externalID == "ext-SECRET1")
        #expect(config.historyURL == secrets["H"])
        #expect(config.notifyURLs == [secrets["W"]])
        var dumped = ""
        dump(config, to: &dumped)
        for text in [config.description, String(reflecting: config), "\(config)", dumped, "\(config.accounts)"] {
            #expect(!text.contains("SECRET"), "\(text)")
            #expect(text.contains("<redacted>"))
        }
    }

    @Test("secrets from the environment are never quoted in diagnostics")
    func secretsNotInDiagnostics() {
        let source = """
            root "a" { path = "." }
            account "prod" {
              role_arn    = "arn:aws:iam::111122223333:role/drift"
              external_id = env("ID")
            }
            history { url = env("H") }
            notify { url = env("W") }
            """
        let error = failure(source, environment: ["ID": "bad SECRET1!", "H": "mysql://drift:SECRET2@db/drift", "W": "ftp://SECRET3"])
        #expect(error?.diagnostics.map(\.message) == ["Invalid external ID", "Unsupported history location", "Invalid notification URL"])
        #expect(error?.rendered.contains("SECRET") == false, "\(error?.rendered ?? "")")
        #expect(error?.rendered.contains(#"external_id = env("ID")"#) == true)
    }

    @Test("a secret written into the file is masked in the source lines diagnostics show, carets still in place")
    func secretsMaskedInSource() {
        let source = """
            root "a" { path = "." }
            account "prod" {
              external_id = "SECRET-é-1"
            }
            notify { url = "https://hooks.example.com/SECRET2" }
            notify {
              url = "https://hooks.example.com/SECRET3"
              pth = "SECRET4"
            }
            """
        let error = failure(source)
        #expect(error?.rendered.contains("SECRET") == false, "\(error?.rendered ?? "")")
        #expect(error?.rendered.hasPrefix("""
            drift.hcl:3:3: error: Argument requires role_arn
              external_id = ************
              ^
            """) == true, "\(error?.rendered ?? "")")
        // Two mistakes on line 3: no role_arn, and "é" is not allowed in an external ID.
        #expect(error?.diagnostics.count == 3, "\(error?.rendered ?? "")")
        #expect(error?.rendered.hasSuffix("""
            drift.hcl:8:3: error: Unsupported argument
              pth = *********
              ^
            An argument named "pth" is not expected here.
            """) == true, "\(error?.rendered ?? "")")
    }

    @Test("an expression error inside a secret argument shows no detail that could quote the value")
    func secretExpressionErrors() {
        let source = """
            root "a" { path = "." }
            account "prod" {
              role_arn    = "arn:aws:iam::111122223333:role/drift"
              external_id = { for k in [env("ID"), env("ID")] : k => 1 }
            }
            history { url = "${env("H")}" + 1 }
            """
        let error = failure(source, environment: ["ID": "SECRET1", "H": "postgres://u:SECRET2@db/drift"])
        #expect(error?.diagnostics.map(\.message) == ["Duplicate object key", "Invalid operand"])
        #expect(error?.rendered.contains("SECRET") == false, "\(error?.rendered ?? "")")
        #expect(error?.diagnostics.first?.notes == ["The details are not shown: the value of \"external_id\" is a secret."])
        // Not a secret: the details stay.
        let plain = failure(#"root "a" { path = { for k in ["x", "x"] : k => 1 } }"#)
        #expect(plain?.diagnostics.first?.notes.first?.contains("\"x\"") == true)
    }

    // MARK: vars

    @Test("vars become NAME=VALUE as --var takes them: strings raw, other values HCL literals that read back the same")
    func variables() throws {
        let source = #"""
            root "a" {
              path = "."
              vars = {
                name     = "plain"
                tricky   = "a \"quoted\" \\ $${x} %%{y} \n\t line ✓ \u0001"
                count    = 3
                ratio    = 0.25
                on       = true
                list     = ["x", "$${not}", 2, false, null]
                nested   = { "a b" = ["c"], z = { q = "%%{" }, n = null }
                empty    = []
                nothing  = null
              }
            }
            """#
        let config = try decode(source)
        let vars = config.roots[0].vars
        #expect(vars.map { $0.prefix { $0 != "=" } } == ["count", "empty", "list", "name", "nested", "on", "ratio", "tricky"])
        #expect(vars.contains("name=plain"))
        #expect(vars.contains("count=3"))
        #expect(vars.contains("tricky=a \"quoted\" \\ ${x} %{y} \n\t line ✓ \u{1}"))
        // Each non-string value, parsed as HCL the way --var parses it, is the value written.
        let expected: [String: HCLValue] = [
            "count": .number(3), "ratio": .number(0.25), "on": .bool(true), "empty": .tuple([]),
            "list": .tuple([.string("x"), .string("${not}"), .number(2), .bool(false), .null]),
            "nested": .object(["a b": .tuple([.string("c")]), "z": .object(["q": .string("%{")]), "n": .null]),
        ]
        for (name, value) in expected {
            let text = try #require(vars.first { $0.hasPrefix(name + "=") }).dropFirst(name.count + 1)
            let (expression, diagnostics) = HCLParser.parseExpression(String(text), filename: "<var>")
            #expect(diagnostics.isEmpty, "\(text)")
            let parsed = try #require(expression)
            #expect(Evaluator.evaluate(parsed, in: EvalContext()).0 == value, "\(name): \(text)")
        }
    }

    // MARK: accounts

    @Test("durations are Go-style strings of h, m and s within STS's 15m…12h")
    func durations() throws {
        func seconds(_ duration: String) -> Int? {
            let source = """
                root "a" { path = "." }
                account "p" {
                  role_arn = "arn:aws:iam::111122223333:role/drift"
                  duration = "\(duration)"
                }
                """
            return (try? decode(source))?.accounts.first?.durationSeconds
        }
        #expect(seconds("1h") == 3600)
        #expect(seconds("1h30m") == 5400)
        #expect(seconds("1.5h") == 5400)
        #expect(seconds("90m") == 5400)
        #expect(seconds("900s") == 900)
        #expect(seconds("12h") == 43_200)
        #expect(seconds("15m") == 900)
        for bad in ["14m59s", "12h1s", "1d", "1", "h", "1.5s", "1..5h", "-1h", "1h 30m", "", "1H", "999999999999999h"] {
            #expect(seconds(bad) == nil, "\(bad)")
        }
    }

    @Test("region names: every AWS shape is accepted, anything else rejected")
    func regions() {
        func accepts(_ region: String) -> Bool {
            (try? decode(#"root "a" { path = "." }"# + "\naccount \"p\" { regions = [\"\(region)\"] }")) != nil
        }
        for good in ["us-east-1", "eu-west-3", "ap-southeast-4", "us-gov-west-1", "cn-northwest-1", "us-isob-east-1", "il-central-1", "mx-central-1"] {
            #expect(accepts(good), "\(good)")
        }
        for bad in ["us-east", "useast1", "US-EAST-1", "us-east-1a", "us-east-100", "usa-east-1", "us--1", "us-gov-west", "us-foo-west-1", "eu-west-1 "] {
            #expect(!accepts(bad), "\(bad)")
        }
    }

    @Test("role ARNs: IAM roles in any partition, with or without a path")
    func roleARNs() {
        func accepts(_ arn: String) -> Bool {
            (try? decode(#"root "a" { path = "." }"# + "\naccount \"p\" { role_arn = \"\(arn)\" }")) != nil
        }
        for good in ["arn:aws:iam::111122223333:role/drift", "arn:aws-cn:iam::111122223333:role/a/b/drift-ro",
                     "arn:aws-us-gov:iam::111122223333:role/x+=,.@_-y"] {
            #expect(accepts(good), "\(good)")
        }
        for bad in ["arn:aws:iam::11112222333:role/drift", "arn:aws:iam::111122223333:user/drift", "arn:aws:sts::111122223333:role/drift",
                    "arn:aws:iam:us-east-1:111122223333:role/drift", "arn:aws:iam::111122223333:role/", "arn:gcp:iam::111122223333:role/x",
                    "arn:aws:iam::111122223333:role/a//b", "arn:aws:iam::111122223333:role/has space", "111122223333"] {
            #expect(!accepts(bad), "\(bad)")
        }
    }

    @Test("every mistake in a file is reported in one run, in file order")
    func allAtOnce() {
        let source = """
            account "prod" {
              regions = ["eu-west-1", "moon-1"]
              colour  = "blue"
            }
            account "prod" {}
            """
        let error = failure(source)
        #expect(error?.diagnostics.map { "\($0.range.start.line):\($0.range.start.column) \($0.message)" } == [
            "1:1 No roots", "2:27 Invalid region", "3:3 Unsupported argument", "5:9 Duplicate account",
        ])
    }

    @Test("one mistake never turns into several diagnostics", arguments: [
        "account \"prod/eu\" { profile = \"p\" }\nroot \"a\" {\n  path = \".\"\n  accounts = [\"prod/eu\"]\n}",
        "account \"p\" {}\naccount \"p\" {}\nroot \"a\" {\n  path = \".\"\n  accounts = [\"p\"]\n}",
        "root \"a\" { path = env(\"UNSET\") }",
        "root \"a\" { path = \".\" }\naccount \"p\" { regions = split(\",\", env(\"UNSET\")) }",
        "root \"a\" { path = \".\" }\nhistory \"main\" { url = \"h.sqlite\" }",
        "root \"a\" {\n  path = \".\"\n  vars = { x = env(\"UNSET\") }\n}",
        "root \"a\" \"b\" { path = \".\" }",
        "root \"a\" { path = \".\" }\naccount \"p\" { regions = [\"eu-west-1\", 1] }",
    ])
    func oneDiagnostic(_ source: String) {
        #expect(failure(source)?.diagnostics.count == 1, "\(failure(source)?.rendered ?? "loaded")")
    }

    @Test("an unreadable file is one diagnostic naming it")
    func unreadable() {
        do {
            _ = try EstateConfigLoader.load(file: "/nonexistent/drift.hcl", environment: [:])
            Issue.record("loaded")
        } catch {
            #expect(error.rendered == """
                /nonexistent/drift.hcl:1:1: error: Failed to read file
                The file "/nonexistent/drift.hcl" could not be read.
                """)
        }
    }
}
