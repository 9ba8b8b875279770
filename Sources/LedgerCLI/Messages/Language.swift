/// The language `ledger` speaks to a person: simplified Chinese under a Chinese locale,
/// English otherwise. `--json` never changes with it.
public enum Language: String, Sendable, CaseIterable {
    case english = "en"
    case chinese = "zh"

    /// The language of an environment, by the POSIX rule for messages: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty decides; a value starting `zh`
    /// (`zh_CN.UTF-8`, `zh_TW`, `zh`) is Chinese, anything else (`C`, `en_US.UTF-8`) English.
    public init(environment: [String: String]) {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        self = locale.hasPrefix("zh") ? .chinese : .english
    }
}
