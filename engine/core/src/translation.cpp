// Templates, catalogue paths and applying a translation to a scenario.
#include "frontline/translation.hpp"

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

}  // namespace frontline
