// Gettext catalogues (.po and .pot) in plain C++: read, write, and look up. Translators
// use their usual tools (Poedit, Weblate, msgmerge); the game needs no libintl.
// A scenario's translations attach to line ids: msgctxt is the id, msgid the English
// the translation was made from, msgstr the translation. Interface strings have no
// msgctxt and are keyed by their English.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace frontline {

/// One entry of a .po file.
struct PoEntry {
    std::string context;  ///< msgctxt ("" when absent)
    bool has_context = false;
    std::string id;                         ///< msgid
    std::string plural;                     ///< msgid_plural ("" when absent)
    std::vector<std::string> translations;  ///< msgstr, or msgstr[0], msgstr[1]...
    std::vector<std::string> comments;      ///< "# " translator comments
    std::vector<std::string> extracted;     ///< "#. " comments for translators
    std::vector<std::string> references;    ///< "#: " file:line
    std::vector<std::string> flags;         ///< "#, " fuzzy, c-format...
    bool obsolete = false;                  ///< "#~ " entry kept by msgmerge for history
    uint32_t line = 0;                      ///< where the entry starts, 1-based

    bool fuzzy() const;
    /// The (singular) translation, or "" when there is none.
    const std::string& translation() const;
};

/// A whole .po file: the header (the entry with an empty msgid) and the rest in order.
struct PoFile {
    std::string header;  ///< the header entry's msgstr ("Content-Type: ...\n" lines)
    std::vector<PoEntry> entries;
};

/// A problem reading a .po file, shown as `file:line: error: message`.
struct PoError {
    uint32_t line = 0;
    std::string message;
};

/// Parses .po text. Returns nullopt and fills `errors` when the file is malformed
/// (an unknown keyword, an unterminated or badly escaped string, msgstr without msgid...).
std::optional<PoFile> parse_po(std::string_view text, std::vector<PoError>& errors);

/// `file:line: error: message`.
std::string format_po_error(const std::string& file, const PoError& e);

/// The text of a .po/.pot file; entries without translations get an empty msgstr.
std::string write_po(const PoFile& po);

/// A header for a new template or catalogue (UTF-8, no plural forms needed).
std::string po_header(std::string_view project, std::string_view language);

/// `"text"` with C escapes, as .po strings are written.
std::string po_quote(std::string_view text);

/// The translations a program can use: fuzzy, obsolete and untranslated entries are
/// left out, so they fall back to the English.
class Catalogue {
public:
    Catalogue() = default;
    explicit Catalogue(const PoFile& po);

    /// What a lookup by line id found.
    enum class State { translated, missing, stale };
    struct Lookup {
        State state = State::missing;
        const std::string* text = nullptr;  ///< the translation when translated
    };
    /// The translation for line `id` whose English is `source`: stale when the catalogue
    /// has the id but for other English (the line was edited since it was translated).
    Lookup line(std::string_view id, std::string_view source) const;
    /// An interface string: its translation, or `english` itself.
    const std::string& ui(const std::string& english) const;
    std::string_view ui(std::string_view english) const;
    /// An interface string with a count: the catalogue's form for `n` (chosen by its
    /// Plural-Forms header), or the English `singular` (n == 1) or `plural`.
    std::string_view ui_n(std::string_view singular, std::string_view plural, unsigned long n) const;
    /// Which msgstr[i] the catalogue's Plural-Forms header picks for `n` (0 for n == 1
    /// and 1 otherwise when the header has no usable rule).
    unsigned long plural_index(unsigned long n) const;
    /// The header's `plural=` expression could not be read (English rules are used).
    bool plural_rule_broken() const { return plural_rule_broken_; }

    bool empty() const { return by_context_.empty() && by_english_.empty(); }
    size_t size() const { return by_context_.size() + by_english_.size(); }

private:
    struct Translation {
        std::string source, text;
    };
    std::unordered_map<std::string, Translation> by_context_;
    std::unordered_map<std::string, std::string> by_english_;
    std::unordered_map<std::string, std::vector<std::string>> by_plural_;  ///< msgid -> msgstr[0..]
    std::string plural_rule_;  ///< the header's `plural=` C expression ("" = English rule)
    bool plural_rule_broken_ = false;
};

/// Evaluates a gettext `plural=` expression (C syntax over `n`: ?:, ||, &&, comparisons,
/// + - * / %, parentheses) for `n`; nullopt when it is not such an expression.
std::optional<unsigned long> evaluate_plural_rule(std::string_view expression, unsigned long n);

/// The `plural=...` expression of a header's `Plural-Forms:` line, or "" when it has none.
std::string plural_rule_of(std::string_view header);

}  // namespace frontline
