import TestSupport

enum TestPorts {
    static func free() throws -> Int { try MotoServer.freePort() }
}
