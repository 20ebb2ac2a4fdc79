// Templates, catalogue paths and applying a translation to a scenario.
#include "frontline/translation.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace frontline {

std::vector<UntranslatedText> translate_scenario(Scenario& s, const Catalogue& catalogue) {
    std::vector<UntranslatedText> left;
    for_each_text(s, [&](const TranslatableText& t, std::string& text) {
        auto found = catalogue.line(t.id, text);
        if (found.state == Catalogue::State::translated) text = *found.text;
        else left.push_back({t.id, t.role, t.pos, found.state});
    });
    return left;
}

PoFile scenario_template(const Scenario& s, const std::string& reference_file) {
    PoFile po;
    po.header = po_header("frontline " + s.id, "");
    for (const auto& t : translatable_texts(s)) {
        PoEntry e;
        e.has_context = true;
        e.context = t.id;
        e.id = *t.text;
        std::string what(text_role_name(t.role));
        if (t.node >= 0) what += " at node " + s.node(t.node).id;
        if (t.role == TextRole::customer_line) what += " (said by " + s.customer.name + ")";
        e.extracted.push_back(what);
        if (t.pos.line > 0) e.references.push_back(reference_file + ":" + std::to_string(t.pos.line));
        po.entries.push_back(std::move(e));
    }
    return po;
}

std::filesystem::path scenario_translation_path(const std::filesystem::path& scenario_file,
                                                const std::string& scenario_id, const std::string& language) {
    return scenario_file.parent_path() / "i18n" / language / (scenario_id + ".po");
}

bool valid_language_code(std::string_view language) {
    if (language.size() < 2 || language.size() > 20) return false;
    for (char c : language)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '@' ||
              c == '-'))
            return false;
    return language[0] >= 'a' && language[0] <= 'z';
}

std::optional<PoFile> read_po_file(const std::filesystem::path& path, std::vector<std::string>& errors) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        errors.push_back(path.string() + ": error: cannot open the file for reading");
        return std::nullopt;
    }
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::vector<PoError> problems;
    auto po = parse_po(bytes.str(), problems);
    for (const auto& p : problems) errors.push_back(format_po_error(path.string(), p));
    return po;
}

std::optional<Catalogue> load_scenario_catalogue(const std::filesystem::path& scenario_file,
                                                 const std::string& scenario_id, const std::string& language,
                                                 std::vector<std::string>& errors, bool* found) {
    const auto path = scenario_translation_path(scenario_file, scenario_id, language);
    std::error_code ec;
    const bool exists = std::filesystem::is_regular_file(path, ec);
    if (found) *found = exists;
    if (!exists) return Catalogue{};
    auto po = read_po_file(path, errors);
    if (!po) return std::nullopt;
    return Catalogue(*po);
}

PoFile merge_po(const PoFile& existing, const PoFile& template_po, const std::string& language) {
    PoFile out;
    out.header = existing.header.empty() ? po_header("frontline", language) : existing.header;
    std::unordered_map<std::string, const PoEntry*> old;
    for (const auto& e : existing.entries)
        if (e.has_context && !e.obsolete) old.emplace(e.context, &e);
    std::unordered_map<std::string, bool> used;
    for (const auto& t : template_po.entries) {
        PoEntry e = t;
        auto it = old.find(t.context);
        if (it != old.end()) {
            const PoEntry& before = *it->second;
            used[t.context] = true;
            e.comments = before.comments;
            e.translations = before.translations;
            e.flags = before.flags;
            if (before.id != t.id && !before.translation().empty() && !before.fuzzy()) e.flags.push_back("fuzzy");
        }
        out.entries.push_back(std::move(e));
    }
    for (const auto& e : existing.entries) {
        if (!e.has_context || e.obsolete || used.count(e.context) || e.translation().empty()) continue;
        PoEntry gone = e;
        gone.obsolete = true;
        gone.references.clear();
        out.entries.push_back(std::move(gone));
    }
    return out;
}

namespace {

/// An interface entry's key: gettext keys entries by (msgctxt, msgid).
std::string interface_key(const PoEntry& e) { return e.has_context ? e.context + '\x04' + e.id : e.id; }

}  // namespace

std::string plural_forms_for(const std::string& language) {
    const std::string base = language.substr(0, language.find_first_of("_@"));
    if (language == "pt_BR" || base == "fr") return "nplurals=2; plural=(n > 1);";
    if (base == "ja" || base == "ko" || base == "zh" || base == "vi" || base == "th" || base == "id")
        return "nplurals=1; plural=0;";
    if (base == "ru" || base == "uk" || base == "sr" || base == "hr" || base == "bs")
        return "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : "
               "2);";
    if (base == "pl") return "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);";
    if (base == "cs" || base == "sk") return "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;";
    return "nplurals=2; plural=(n != 1);";
}

PoFile merge_interface_po(const PoFile& existing, const PoFile& template_po, const std::string& language) {
    PoFile out;
    out.header = existing.header.empty()
                     ? po_header("frontline", language) + "Plural-Forms: " + plural_forms_for(language) + "\n"
                     : existing.header;
    std::unordered_map<std::string, const PoEntry*> old;
    for (const auto& e : existing.entries)
        if (!e.obsolete) old.emplace(interface_key(e), &e);
    std::unordered_map<std::string, bool> used;
    for (const auto& t : template_po.entries) {
        PoEntry e = t;
        e.translations.clear();
        const std::string key = interface_key(t);
        if (auto it = old.find(key); it != old.end()) {
            const PoEntry& before = *it->second;
            used[key] = true;
            e.comments = before.comments;
            e.translations = before.translations;
            if (before.fuzzy()) e.flags.push_back("fuzzy");
        }
        out.entries.push_back(std::move(e));
    }
    for (const auto& e : existing.entries) {
        if (e.obsolete || used.count(interface_key(e)) || e.translation().empty()) continue;
        PoEntry gone = e;
        gone.obsolete = true;
        gone.references.clear();
        out.entries.push_back(std::move(gone));
    }
    return out;
}

InterfaceStatus interface_status(const PoFile& catalogue, const PoFile& template_po) {
    std::unordered_map<std::string, const PoEntry*> have;
    for (const auto& e : catalogue.entries)
        if (!e.obsolete) have.emplace(interface_key(e), &e);
    InterfaceStatus st;
    for (const auto& t : template_po.entries) {
        ++st.total;
        auto it = have.find(interface_key(t));
        const bool done = it != have.end() &&
                          std::none_of(it->second->translations.begin(), it->second->translations.end(),
                                       [](const std::string& s) { return s.empty(); }) &&
                          !it->second->translations.empty();
        if (!done) ++st.missing;
        else if (it->second->fuzzy()) ++st.fuzzy;
        else ++st.translated;
    }
    return st;
}

}  // namespace frontline
