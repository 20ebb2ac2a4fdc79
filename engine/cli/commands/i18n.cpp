// `frontline i18n`: gettext templates and catalogues for scenarios.
//   extract SCENARIO... -o OUT   one .pot per scenario (OUT is the file, or a folder)
//   merge SCENARIO... --lang L   creates or updates <folder>/i18n/L/<id>.po
//   status SCENARIO... --lang L  how much of each scenario is translated
#include "commands.hpp"
#include "terminal.hpp"

#include "frontline/reader.hpp"
#include "frontline/translation.hpp"

#include <algorithm>
#include <fstream>
#include <memory>
#include <ostream>

namespace frontline::cli {

namespace {

struct I18nOptions {
    std::vector<std::string> paths;
    std::string output;
    std::string language;
};

/// The scenarios named by `paths` (files or folders), loaded and checked; nullopt after
/// printing why when any cannot be used.
std::optional<std::vector<std::pair<std::filesystem::path, Scenario>>> load_all(const std::vector<std::string>& paths,
                                                                                Io& io, const char* command) {
    std::vector<std::filesystem::path> inputs(paths.begin(), paths.end());
    std::vector<std::string> missing;
    auto files = find_scenario_files(inputs, missing);
    for (const auto& m : missing) io.err << "frontline i18n " << command << ": " << m << ": no such file or folder\n";
    if (!missing.empty()) return std::nullopt;
    if (files.empty()) {
        io.err << "frontline i18n " << command << ": no scenario files (*.yaml) found\n";
        return std::nullopt;
    }
    std::vector<std::pair<std::filesystem::path, Scenario>> out;
    bool ok = true;
    for (const auto& f : files) {
        LoadedScenario loaded = load_scenario(f);
        print_diagnostics(io.err, loaded.diagnostics);
        if (!loaded.scenario) ok = false;
        else out.emplace_back(f, std::move(*loaded.scenario));
    }
    if (!ok) return std::nullopt;
    return out;
}

/// Writes through a temporary file, so a failed write never leaves half a catalogue.
bool write_file(const std::filesystem::path& path, const std::string& text, Io& io) {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    const auto partial = path.string() + ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush()) {
            io.err << "frontline i18n: cannot write " << partial << '\n';
            std::filesystem::remove(partial, ec);
            return false;
        }
    }
    std::filesystem::rename(partial, path, ec);
    if (ec) {
        io.err << "frontline i18n: cannot write " << path.string() << ": " << ec.message() << '\n';
        std::filesystem::remove(partial, ec);
        return false;
    }
    return true;
}

int extract(const I18nOptions& o, Io& io) {
    auto scenarios = load_all(o.paths, io, "extract");
    if (!scenarios) return exit_errors;
    std::error_code ec;
    const std::filesystem::path out(o.output);
    const bool to_folder = std::filesystem::is_directory(out, ec) || scenarios->size() > 1 || out.extension() != ".pot";
    for (const auto& [file, s] : *scenarios) {
        const auto target = to_folder ? out / (s.id + ".pot") : out;
        PoFile pot = scenario_template(s, file.filename().string());
        if (!write_file(target, write_po(pot), io)) return exit_usage;
        io.out << "wrote " << target.string() << " (" << pot.entries.size() << " texts)\n";
    }
    return exit_ok;
}

int merge(const I18nOptions& o, Io& io) {
    auto scenarios = load_all(o.paths, io, "merge");
    if (!scenarios) return exit_errors;
    for (const auto& [file, s] : *scenarios) {
        const auto path = scenario_translation_path(file, s.id, o.language);
        PoFile existing;
        std::error_code ec;
        if (std::filesystem::exists(path, ec)) {
            std::vector<std::string> errors;
            auto po = read_po_file(path, errors);
            for (const auto& e : errors) io.err << e << '\n';
            if (!po) return exit_errors;  // never overwrite a catalogue we could not read
            existing = std::move(*po);
        }
        PoFile merged = merge_po(existing, scenario_template(s, "../../" + file.filename().string()), o.language);
        if (!write_file(path, write_po(merged), io)) return exit_usage;
        int done = 0, review = 0;
        for (const auto& e : merged.entries) {
            if (e.obsolete) continue;
            if (e.fuzzy()) ++review;
            else if (!e.translation().empty()) ++done;
        }
        io.out << "wrote " << path.string() << ": " << done << " of "
               << (merged.entries.size() - std::count_if(merged.entries.begin(), merged.entries.end(),
                                                         [](const PoEntry& e) { return e.obsolete; }))
               << " translated, " << review << " to review\n";
    }
    return exit_ok;
}

int status(const I18nOptions& o, Io& io) {
    auto scenarios = load_all(o.paths, io, "status");
    if (!scenarios) return exit_errors;
    int result = exit_ok;
    for (auto& [file, s] : *scenarios) {
        std::vector<std::string> errors;
        bool found = false;
        auto catalogue = load_scenario_catalogue(file, s.id, o.language, errors, &found);
        for (const auto& e : errors) io.err << e << '\n';
        if (!catalogue) {
            result = exit_errors;
            continue;
        }
        const size_t total = translatable_texts(s).size();
        Scenario copy = s;
        auto left = translate_scenario(copy, *catalogue);
        size_t stale = std::count_if(left.begin(), left.end(),
                                     [](const UntranslatedText& u) { return u.state == Catalogue::State::stale; });
        io.out << file.string() << ": " << (found ? "" : "no catalogue; ") << (total - left.size()) << " of " << total
               << " texts in " << o.language << ", " << (left.size() - stale) << " missing, " << stale << " stale\n";
    }
    return result;
}

}  // namespace

void add_i18n_command(CLI::App& app, Action& action) {
    auto* cmd =
        app.add_subcommand("i18n", "Translate scenarios with gettext catalogues (.pot templates, .po translations)");
    cmd->require_subcommand(1);
    auto o = std::make_shared<I18nOptions>();
    auto language_check = [](const std::string& l) {
        return valid_language_code(l) ? std::string() : "not a language code like fr or pt_BR: " + l;
    };

    auto* ex =
        cmd->add_subcommand("extract", "Write the gettext template (.pot) of each scenario: msgctxt is the line id");
    ex->add_option("paths", o->paths, "Scenario files or folders")->required();
    ex->add_option("-o,--output", o->output, "The .pot file (one scenario) or a folder for <id>.pot files")->required();
    ex->callback([o, &action] { action = [o](Io& io) { return extract(*o, io); }; });

    auto* mg = cmd->add_subcommand("merge", "Create or update each scenario's translation, <folder>/i18n/LANG/<id>.po");
    mg->add_option("paths", o->paths, "Scenario files or folders")->required();
    mg->add_option("--lang", o->language, "Language code (fr, de, pt_BR...)")->required()->check(language_check);
    mg->callback([o, &action] { action = [o](Io& io) { return merge(*o, io); }; });

    auto* st = cmd->add_subcommand("status", "How much of each scenario is translated into a language");
    st->add_option("paths", o->paths, "Scenario files or folders")->required();
    st->add_option("--lang", o->language, "Language code")->required()->check(language_check);
    st->callback([o, &action] { action = [o](Io& io) { return status(*o, io); }; });
}

}  // namespace frontline::cli
