import Testing
@testable import LedgerCLI

/// The message catalogue: every key in both languages with the same placeholders, and the
/// locale rule that picks the language.
@Suite struct MessageCatalogueTests {
    @Test("every key has an English and a Chinese text", arguments: MessageKey.allCases)
    func everyKeyHasBothLanguages(key: MessageKey) {
        let entry = MessageCatalogue.entries[key]
        #expect(entry != nil, "\(key.rawValue) is not in the catalogue")
        #expect(entry?.english.isEmpty == false, "\(key.rawValue) lacks its English")
        #expect(entry?.chinese.isEmpty == false, "\(key.rawValue) lacks its Chinese")
    }

    @Test("both languages of a key use the same placeholders", arguments: MessageKey.allCases)
    func samePlaceholders(key: MessageKey) throws {
        let entry = try #require(MessageCatalogue.entries[key])
        #expect(MessageCatalogue.placeholders(entry.english) == MessageCatalogue.placeholders(entry.chinese), "\(key.rawValue)")
    }

    @Test("a command's abstract in the catalogue is its spec's English, and every command has one")
    func commandAbstracts() throws {
        for command in LedgerTool.commands {
            let key = try #require(HelpText.abstractKey(command.spec.name), "no abstract for \(command.spec.name)")
            #expect(MessageCatalogue.entries[key]?.english == command.spec.abstract, "\(command.spec.name)")
        }
    }

    @Test("every option and argument of every command has its help in Chinese")
    func optionHelp() {
        for command in LedgerTool.commands + LedgerTool.hiddenCommands {
            for help in command.spec.options.map(\.help) + command.spec.positionals.map(\.help) where help != "" {
                #expect(MessageCatalogue.helpInChinese[help] != nil, "\(command.spec.name): \(help)")
            }
        }
    }

    @Test("every command's discussion has its Chinese")
    func discussions() {
        for command in LedgerTool.commands + LedgerTool.hiddenCommands where command.spec.discussion != nil {
            #expect(MessageCatalogue.discussionInChinese[command.spec.name] != nil, "\(command.spec.name)")
        }
    }

    @Test("arguments take their places in either language")
    func rendering() {
        let message = Message(.missingOptionValue, "ledger", "dir")
        #expect(message.rendered(in: .english) == "Missing value for '--ledger <dir>'")
        #expect(message.rendered(in: .chinese) == "缺少 '--ledger <dir>' 的值")
        #expect(Message(.authorizationNotAuthorized, .count(12_345)).rendered(in: .chinese) == "  未授权：12,345")
    }

    struct Locale: CustomTestStringConvertible, Sendable {
        var environment: [String: String]
        var language: Language
        var testDescription: String { "\(environment.sorted { $0.key < $1.key }) → \(language)" }
    }

    @Test("LC_ALL over LC_MESSAGES over LANG; a locale starting zh is Chinese", arguments: [
        Locale(environment: ["LANG": "zh_CN.UTF-8"], language: .chinese),
        Locale(environment: ["LANG": "zh_TW"], language: .chinese),
        Locale(environment: ["LANG": "zh"], language: .chinese),
        Locale(environment: ["LANG": "C"], language: .english),
        Locale(environment: ["LANG": "en_US.UTF-8"], language: .english),
        Locale(environment: ["LANG": ""], language: .english),
        Locale(environment: [:], language: .english),
        Locale(environment: ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"], language: .english),
        Locale(environment: ["LC_ALL": "zh_CN.UTF-8", "LANG": "C"], language: .chinese),
        Locale(environment: ["LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"], language: .chinese),
        Locale(environment: ["LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"], language: .english),
        Locale(environment: ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"], language: .chinese),
    ])
    func localeRule(locale: Locale) {
        #expect(Language(environment: locale.environment) == locale.language)
    }
}
