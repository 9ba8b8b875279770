import LedgerDocuments
import LedgerStore

/// A failure a command reports to the person: a paragraph and an exit code. Commands throw
/// these, ``UsageError`` or ``StoreError``; ``LedgerTool`` renders them all in one place.
struct CommandFailure: Error, Equatable {
    var message: Message
    var exitCode: ExitCode

    /// A failure from the catalogue.
    init(_ message: Message, exitCode: ExitCode) {
        self.message = message
        self.exitCode = exitCode
    }

    /// A value given to an option does not have the expected form, said by the catalogue.
    static func badValue(_ option: String, _ value: String, expected: Message) -> UsageError {
        UsageError(Message(.invalidValue, .text(value), .text(option), .message(expected)), command: nil)
    }
}

extension LedgerTool {
    /// Maps any error a command threw to its message on standard error and its exit code.
    /// The text of each error is chosen here, in `language`, from ``MessageCatalogue``.
    static func report(_ error: Error, command: String?, stderr: TextOutput, language: Language) -> ExitCode {
        func line(_ key: MessageKey, _ argument: String) {
            stderr.write(Message(key, .text(argument)).rendered(in: language) + "\n")
        }
        switch error {
        case let usage as UsageError:
            line(.errorLine, usage.message.rendered(in: language))
            let name = usage.command ?? command
            if let name, let spec = commandSpecs[name] {
                line(.usageLine, spec.usage)
                line(.seeCommandHelp, name)
            } else {
                line(.usageLine, toolUsage)
                stderr.write(Message(.seeToolHelp).rendered(in: language) + "\n")
            }
            return .usage
        case let failure as CommandFailure:
            line(.failureLine, failure.message.rendered(in: language))
            return failure.exitCode
        case let store as StoreError:
            stderr.write(Message(.failureLine, .message(store.message)).rendered(in: language) + "\n")
            return exitCode(for: store)
        case let system as SystemError:
            return report(StoreError.system(system), command: command, stderr: stderr, language: language)
        case let document as DocumentReadError:
            stderr.write(Message(.failureLine, .message(document.message)).rendered(in: language) + "\n")
            return .dataError
        default:
            line(.internalErrorLine, "\(error)")
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
