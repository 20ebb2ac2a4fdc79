// The game's own interface in the trainee's language. Every string a trainee reads is
// marked in the source with tr() (or tr_n() where a count is shown, tr_label() where
// the text is also an ImGui widget's ID); xgettext collects the marks into
// assets/i18n/frontline.pot, and assets/i18n/LL.po translates them. Formats stay
// printf-style (fmt(tr("%d of %d"), a, b)), so `msgfmt --check` verifies that a
// translation keeps the same conversions. Without a catalogue, the English shows.
#pragma once

#include "frontline/po.hpp"
#include "frontline/scoring.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace frontline::game {

/// The interface text for `english` in the current language (a pointer that stays valid
/// until the language changes), or `english` itself.
const char* tr(const char* english);

/// Marks `english` for the template where it cannot be translated yet (a constant
/// table); the code calls tr() on it where it is shown.
constexpr const char* tr_mark(const char* english) { return english; }

/// "1 call" / "2 calls" in the current language, by its plural rule.
const char* tr_n(const char* singular, const char* plural, unsigned long n);

/// A translated label whose ImGui ID stays the English one ("Fermer###Close"), so a
/// widget's state (focus, open, active) survives a change of language.
std::string tr_label(const char* english);

/// printf into a std::string (for translated formats: fmt(tr("%d of %d"), a, b)).
std::string fmt(const char* format, ...)
#if defined(__MINGW32__)
    __attribute__((format(gnu_printf, 1, 2)))  // the formats are C99's (%zu-free, but %lu, %+.0f)
#elif defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/// A quadrant's name ("Best in class") and its one-sentence lesson, in the current language.
const char* quadrant_text(Quadrant q);
const char* quadrant_lesson_text(Quadrant q);
/// An ending's outcome as a word ("delighted", "lost"), in the current language.
const char* outcome_text(Outcome o);

/// Makes `catalogue` the interface's language ("" and an empty catalogue = English).
void set_interface_catalogue(std::string language, Catalogue catalogue);

/// A language's own name for itself ("Français" for fr), or the code when not known.
std::string language_name(const std::string& language);

/// The interface language now shown ("" = English).
const std::string& interface_language();

/// The interface catalogue for `language`: <asset dir>/i18n/<language>.po, the first
/// asset folder that has one. `found` tells whether there was a file; a broken one
/// gives an empty catalogue and `file:line: error:` messages in `errors`.
Catalogue load_interface_catalogue(const std::vector<std::filesystem::path>& asset_dirs, const std::string& language,
                                   std::vector<std::string>& errors, bool* found = nullptr);

/// The languages the interface is translated into (the i18n/*.po files of the asset folders).
std::vector<std::string> interface_languages(const std::vector<std::filesystem::path>& asset_dirs);

}  // namespace frontline::game
