import LedgerDocuments
import LedgerStore

/// A failure a command reports to the person: a paragraph and an exit code. Commands throw
/// these, ``UsageError`` or ``StoreError``; ``LedgerTool`` renders them all in one place.
struct CommandFailure: Error, Equatable {
    var message: String
    var exitCode: ExitCode

    /// A value given to an option does not have the expected form.
    static func badValue(_ option: String, _ value: String, expected: String) -> UsageError {
        UsageError(message: "Invalid value '\(value)' for '--\(option)': expected \(expected)", command: nil)
    }
}

extension LedgerTool {
    /// Maps any error a command threw to its message on standard error and its exit code.
    static func report(_ error: Error, command: String?, stderr: TextOutput) -> ExitCode {
        switch error {
        case let usage as UsageError:
            stderr.write("Error: \(usage.message)\n")
            let name = usage.command ?? command
            if let name, let spec = commandSpecs[name] {
                stderr.write("Usage: \(spec.usage)\n  See 'ledger help \(name)' for more information.\n")
            } else {
                stderr.write("Usage: \(toolUsage)\n  See 'ledger --help' for more information.\n")
            }
            return .usage
        case let failure as CommandFailure:
            stderr.write("ledger: error: \(failure.message)\n")
            return failure.exitCode
        case let store as StoreError:
            stderr.write("ledger: error: \(store)\n")
            return exitCode(for: store)
        case let system as SystemError:
            return report(StoreError.system(system), command: command, stderr: stderr)
        case let document as DocumentReadError:
            stderr.write("ledger: error: \(document)\n")
            return .dataError
        default:
            stderr.write("ledger: internal error: \(error)\n")
            return .software
        }
    }

    static func exitCode(for error: StoreError) -> ExitCode {
        switch error {
        case .busy, .headMoved: return .busy
        case .damaged, .unsafePath, .recordTooLarge: return .dataError
        // 77, not 74: nothing is wrong with the disk or the ledger; the user lacks a permission,
        // and the remedy is to ask for it or to use a reading command.
        case .system(let system) where system.isPermissionDenied: return .noPermission
        case .system(let system): return system.code == 2 ? .noInput : .ioError
        }
    }
}
