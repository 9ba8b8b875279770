import Foundation
import Testing

/// `ledger completions`: the bash script loaded into a real bash and asked with `compgen`,
/// the others checked for syntax where their shell is installed.
@Suite("Shell completion")
struct CompletionTests {
    static let binaryDirectory = URL(fileURLWithPath: LedgerProcess.executable).deletingLastPathComponent().path

    /// Runs `_ledger` in bash on each line of words (the last one being completed) and returns
    /// one line of candidates per line.
    static func complete(_ lines: [[String]], in directory: String) throws -> [String]? {
        guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else {
            print("SKIPPED: bash is not installed")
            return nil
        }
        let script = try LedgerProcess.run(["completions", "bash"], in: directory)
        try #require(script.status == 0)
        let file = directory + "/ledger.bash"
        try Data(script.stdout.utf8).write(to: URL(fileURLWithPath: file))
        var program = "export PATH=\(CommandContextQuote.quote(binaryDirectory)):$PATH\nsource \(file)\ncomplete -p ledger\n"
        program += "t() { COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _ledger; echo \"${COMPREPLY[*]}\"; }\n"
        for words in lines { program += "t " + words.map(CommandContextQuote.quote).joined(separator: " ") + "\n" }
        let result = try LedgerProcess.runProgram("/bin/bash", ["-c", program], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.components(separatedBy: "\n")
    }

    @Test("bash: complete -p shows the function; commands, options, projections, formats and departments complete")
    func bash() throws {
        let ledger = try ProjectTests.ledger()
        #expect(try LedgerProcess.run(["register", "新区管委会", "--alias", "新区管理委员会", "--reason", "a new department"],
                                      in: ledger.path).status == 0)
        guard let lines = try Self.complete([
            ["ledger", "pro"], ["ledger", "project", ""], ["ledger", "--ledger", ledger.path, "exp"],
            ["ledger", "export", "visits", "--for"], ["ledger", "export", "visits", "--format", ""],
            ["ledger", "project", "visits", "--department", "司法"], ["ledger", "project", "visits", "--department", "新区"],
            ["ledger", "completions", ""], ["ledger", "help", "ve"],
        ], in: ledger.path) else { return }
        #expect(lines[0] == "complete -F _ledger ledger")
        #expect(lines[1] == "project")
        #expect(lines[2] == "authorization totals window visits inspections departments issues")
        #expect(lines[3] == "export")
        #expect(lines[4] == "--format")
        #expect(lines[5] == "csv tsv xlsx")
        #expect(lines[6] == "司法厅")
        #expect(lines[7] == "新区管委会 新区管理委员会", "registered names come from the ledger")
        #expect(lines[8] == "bash zsh fish")
        #expect(lines[9] == "verify")
    }

    @Test("bash offers every option `ledger help` lists, for every command")
    func neverStale() throws {
        let directory = TemporaryDirectory()
        let commands = try LedgerProcess.run(["__complete", "commands"], in: directory.path).stdout.split(separator: "\n").map(String.init)
        #expect(commands.contains("export") && commands.contains("init") && !commands.contains("__complete"))
        guard let lines = try Self.complete(commands.map { ["ledger", $0, "--"] }, in: directory.path) else { return }
        for (index, command) in commands.enumerated() {
            let help = try LedgerProcess.run(["help", command], in: directory.path).stdout
            let listed = help.components(separatedBy: "\nOPTIONS:\n").last?.split(separator: "\n").filter { $0.hasPrefix("  -") }.compactMap { line -> String? in
                // An option's own line: `  --from <seq>` or `  -h, --help`; wrapped help lines are indented further.
                line.split(separator: " ").first { $0.hasPrefix("--") }.map(String.init)
            } ?? []
            #expect(!listed.isEmpty)
            #expect(Set(lines[index + 1].split(separator: " ").map(String.init)) == Set(listed), "\(command)")
        }
    }

    @Test("zsh and fish scripts name every command; their shells parse them where installed", arguments: ["zsh", "fish"])
    func otherShells(_ shell: String) throws {
        let directory = TemporaryDirectory()
        let script = try LedgerProcess.run(["completions", shell], in: directory.path)
        #expect(script.status == 0)
        for command in ["init", "export", "project", "completions", "--department", "__complete departments"] {
            #expect(script.stdout.contains(command.hasPrefix("--") && shell == "fish" ? "-l " + command.dropFirst(2) : command), "\(command)")
        }
        let path = "/usr/bin/" + shell
        guard FileManager.default.isExecutableFile(atPath: path) else {
            print("SKIPPED: \(shell) is not installed")
            return
        }
        directory.write("script", Data(script.stdout.utf8))
        let parsed = try LedgerProcess.runProgram(path, ["-n", directory.file("script")], in: directory.path)
        #expect(parsed.status == 0, "\(parsed.stderr)")
        guard shell == "fish" else { return }
        let asked = try LedgerProcess.runProgram("/usr/bin/env", [
            "PATH=\(Self.binaryDirectory):/usr/bin:/bin", path, "-c",
            "source \(directory.file("script")); complete -C 'ledger pro'; complete -C 'ledger export visits --format '",
        ], in: directory.path)
        #expect(asked.stdout.hasPrefix("project\t"), "\(asked.stdout)\(asked.stderr)")
        #expect(asked.stdout.contains("\nxlsx\t"), "\(asked.stdout)")
    }

    @Test("an unknown shell is a usage error; __complete is not in the help")
    func refused() throws {
        let directory = TemporaryDirectory()
        let result = try LedgerProcess.run(["completions", "powershell"], in: directory.path)
        #expect(result.status == 64)
        #expect(result.stderr.contains("bash, zsh or fish"))
        #expect(!(try LedgerProcess.run(["--help"], in: directory.path)).stdout.contains("__complete"))
    }
}

/// Single quotes for bash.
enum CommandContextQuote {
    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
