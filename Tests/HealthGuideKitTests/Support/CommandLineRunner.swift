import Foundation

/// Runs the real `healthguide` binary, built next to the test bundle.
struct CommandLineRunner {
    struct Output {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("healthguide")
    }

    /// Starts the command in `folder` without waiting, for tests that interrupt it, with
    /// `environment` added to this process's; its standard error goes to `standardError` when given.
    static func start(
        _ arguments: [String], in folder: URL, environment: [String: String] = [:],
        standardError: Pipe? = nil
    ) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = standardError ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs the command, or `executable` with `arguments` when given (a program that runs the
    /// command in turn).
    static func run(_ arguments: [String], in folder: URL, executable: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read before waiting, so a chatty command cannot fill the pipe and block.
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
}
