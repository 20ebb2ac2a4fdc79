#include "i18n.hpp"

#include "frontline/translation.hpp"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <system_error>

namespace frontline::game {

namespace {

struct InterfaceText {
    std::string language;
    Catalogue catalogue;
};

InterfaceText& current() {
    static InterfaceText text;
    return text;
}

}  // namespace

const char* tr(const char* english) {
    // A translation is a std::string in the catalogue: its view is NUL-terminated.
    return current().catalogue.ui(std::string_view(english)).data();
}

const char* tr_n(const char* singular, const char* plural, unsigned long n) {
    return current().catalogue.ui_n(singular, plural, n).data();
}

std::string tr_label(const char* english) { return std::string(tr(english)) + "###" + english; }

std::string fmt(const char* format, ...) {
    va_list args;
    va_start(args, format);
    va_list again;
    va_copy(again, args);
    const int n = std::vsnprintf(nullptr, 0, format, args);
    va_end(args);
    std::string out;
    if (n > 0) {
        out.resize(static_cast<size_t>(n) + 1);
        std::vsnprintf(out.data(), out.size(), format, again);
        out.resize(static_cast<size_t>(n));
    }
    va_end(again);
    return out;
}

std::string language_name(const std::string& language) {
    static const std::pair<const char*, const char*> names[] = {
        {"fr", "Fran\u00e7ais"},
        {"de", "Deutsch"},
        {"es", "Espa\u00f1ol"},
        {"it", "Italiano"},
        {"nl", "Nederlands"},
        {"pt", "Portugu\u00eas"},
        {"pt_BR", "Portugu\u00eas (Brasil)"},
        {"pl", "Polski"},
        {"sv", "Svenska"},
        {"el", "\u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac"},
        {"ru", "\u0420\u0443\u0441\u0441\u043a\u0438\u0439"},
        {"uk", "\u0423\u043a\u0440\u0430\u0457\u043d\u0441\u044c\u043a\u0430"}};
    for (const auto& [code, name] : names)
        if (language == code) return name;
    return language;
}

const char* quadrant_text(Quadrant q) {
    switch (q) {
        case Quadrant::best_in_class: return tr("Best in class");
        case Quadrant::fixed_it_lost_them: return tr("Fixed it, lost them");
        case Quadrant::kept_the_customer: return tr("Kept the customer");
        case Quadrant::mere_mortal: return tr("Mere mortal");
    }
    return tr("Mere mortal");
}

const char* quadrant_lesson_text(Quadrant q) {
    switch (q) {
        case Quadrant::best_in_class:
            return tr(
                "You met what they came for and how they wanted to be treated. That is service people come back "
                "for.");
        case Quadrant::fixed_it_lost_them:
            return tr(
                "The job got done, but the person did not feel heard. Customers judge service by how they were "
                "treated first.");
        case Quadrant::kept_the_customer:
            return tr(
                "What they came for could not be fully met, but they felt respected: a failure handled with care can "
                "still win loyalty.");
        case Quadrant::mere_mortal:
            return tr(
                "Neither need was met. Go back to the turn where the call turned and try owning the problem out "
                "loud.");
    }
    return "";
}

const char* outcome_text(Outcome o) {
    switch (o) {
        case Outcome::delighted: return tr("delighted");
        case Outcome::satisfied: return tr("satisfied");
        case Outcome::neutral: return tr("neutral");
        case Outcome::lost: return tr("lost");
        case Outcome::complaint: return tr("complaint");
    }
    return tr("neutral");
}

void set_interface_catalogue(std::string language, Catalogue catalogue) {
    current().language = std::move(language);
    current().catalogue = std::move(catalogue);
}

const std::string& interface_language() { return current().language; }

Catalogue load_interface_catalogue(const std::vector<std::filesystem::path>& asset_dirs, const std::string& language,
                                   std::vector<std::string>& errors, bool* found) {
    if (found) *found = false;
    if (language.empty() || !valid_language_code(language)) return {};
    std::error_code ec;
    for (const auto& dir : asset_dirs) {
        const auto path = dir / "i18n" / (language + ".po");
        if (!std::filesystem::is_regular_file(path, ec)) continue;
        if (found) *found = true;
        auto po = read_po_file(path, errors);
        if (!po) return {};
        Catalogue c(*po);
        if (c.plural_rule_broken())
            errors.push_back(path.string() +
                             ": warning: its Plural-Forms rule could not be read; counts use English rules");
        return c;
    }
    return {};
}

std::vector<std::string> interface_languages(const std::vector<std::filesystem::path>& asset_dirs) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& dir : asset_dirs) {
        const auto folder = dir / "i18n";
        if (!std::filesystem::is_directory(folder, ec)) continue;
        for (const auto& f : std::filesystem::directory_iterator(folder, ec)) {
            const auto name = f.path().stem().string();
            if (f.path().extension() == ".po" && valid_language_code(name) &&
                std::find(out.begin(), out.end(), name) == out.end())
                out.push_back(name);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace frontline::game
