// `frontline i18n`: gettext templates and catalogues for scenarios and for the game's
// own interface.
//   extract SCENARIO... -o OUT   one .pot per scenario (OUT is the file, or a folder)
//   merge SCENARIO... --lang L   creates or updates <folder>/i18n/L/<id>.po
//   status SCENARIO... --lang L  how much of each scenario is translated
//   extract|merge|status --interface ...  the same for the interface, whose template
//   (made from the sources by xgettext at development time) ships in the assets
//   folder as i18n/frontline.pot, beside its translations i18n/LL.po.
#include "commands.hpp"
#include "data_dirs.hpp"
#include "terminal.hpp"

#include "frontline/reader.hpp"
#include "frontline/translation.hpp"

#include <algorithm>
#include <fstream>
#include <memory>
#include <ostream>
#include <sstream>

namespace frontline::cli {

namespace {

struct I18nOptions {
    std::vector<std::string> paths;
    std::string output;
    std::string language;
    bool interface = false;
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

// --- The interface -----------------------------------------------------------------

/// The interface's template: the first assets folder's i18n/frontline.pot.
std::optional<std::pair<std::filesystem::path, PoFile>> interface_template(Io& io) {
    std::error_code ec;
    for (const auto& dir : data_dirs().assets) {
        const auto path = dir / "i18n" / "frontline.pot";
        if (!std::filesystem::is_regular_file(path, ec)) continue;
        std::vector<std::string> errors;
        auto po = read_po_file(path, errors);
        for (const auto& e : errors) io.err << e << '\n';
        if (!po) return std::nullopt;
        return std::make_pair(path, std::move(*po));
    }
    io.err << "frontline i18n: the interface template (assets/i18n/frontline.pot) is not in this copy's assets folder";
    for (const auto& dir : data_dirs().assets) io.err << ' ' << dir.string();
    io.err << '\n';
    return std::nullopt;
}

/// The catalogue a command reads or writes: -o FILE, else i18n/LANG.po beside the template.
std::filesystem::path interface_catalogue_path(const I18nOptions& o, const std::filesystem::path& pot) {
    return o.output.empty() ? pot.parent_path() / (o.language + ".po") : std::filesystem::path(o.output);
}

/// The catalogue at `path` to merge into: empty when there is none yet, nullopt (with
/// its errors printed) when it exists but can't be read, so it is never overwritten.
std::optional<PoFile> existing_catalogue(const std::filesystem::path& path, Io& io) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return PoFile{};
    std::vector<std::string> errors;
    auto po = read_po_file(path, errors);
    for (const auto& e : errors) io.err << e << '\n';
    return po;
}

int extract_interface(const I18nOptions& o, Io& io) {
    auto pot = interface_template(io);
    if (!pot) return exit_errors;
    // The file as xgettext made it (its fuzzy header included), checked readable above.
    std::ifstream in(pot->first, std::ios::binary);
    std::ostringstream read;
    read << in.rdbuf();
    const std::string text = read.str();
    if (o.output.empty()) {
        io.out << text;
        return exit_ok;
    }
    if (!write_file(o.output, text, io)) return exit_usage;
    io.out << "wrote " << o.output << " (" << pot->second.entries.size() << " interface texts)\n";
    return exit_ok;
}

int merge_interface(const I18nOptions& o, Io& io) {
    auto pot = interface_template(io);
    if (!pot) return exit_errors;
    const auto path = interface_catalogue_path(o, pot->first);
    const std::optional<PoFile> existing = existing_catalogue(path, io);
    if (!existing) return exit_errors;
    PoFile merged = merge_interface_po(*existing, pot->second, o.language);
    if (!write_file(path, write_po(merged), io)) return exit_usage;
    const InterfaceStatus st = interface_status(merged, pot->second);
    io.out << "wrote " << path.string() << ": " << st.translated << " of " << st.total << " translated, " << st.fuzzy
           << " to review\n";
    return exit_ok;
}

int status_interface(const I18nOptions& o, Io& io) {
    auto pot = interface_template(io);
    if (!pot) return exit_errors;
    const auto path = interface_catalogue_path(o, pot->first);
    std::error_code ec;
    PoFile catalogue;
    const bool found = std::filesystem::exists(path, ec);
    if (found) {
        std::vector<std::string> errors;
        auto po = read_po_file(path, errors);
        for (const auto& e : errors) io.err << e << '\n';
        if (!po) return exit_errors;
        catalogue = std::move(*po);
    }
    const InterfaceStatus st = interface_status(catalogue, pot->second);
    io.out << path.string() << ": " << (found ? "" : "no catalogue; ") << st.translated << " of " << st.total
           << " interface texts in " << o.language << ", " << st.missing << " missing, " << st.fuzzy << " to review\n";
    return exit_ok;
}

/// --interface and scenario paths exclude each other; one of them is needed.
bool check_target(const I18nOptions& o, Io& io, const char* command) {
    if (o.interface && !o.paths.empty()) {
        io.err << "frontline i18n " << command << ": --interface takes no scenario files\n";
        return false;
    }
    if (!o.interface && o.paths.empty()) {
        io.err << "frontline i18n " << command << ": name scenario files or folders, or --interface\n";
        return false;
    }
    return true;
}

// --- Scenarios -------------------------------------------------------------------------

int extract(const I18nOptions& o, Io& io) {
    if (!check_target(o, io, "extract")) return exit_usage;
    if (o.interface) return extract_interface(o, io);
    if (o.output.empty()) {
        io.err << "frontline i18n extract: -o FILE.pot or -o FOLDER is needed for scenarios\n";
        return exit_usage;
    }
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
    if (!check_target(o, io, "merge")) return exit_usage;
    if (o.interface) return merge_interface(o, io);
    if (!o.output.empty()) {
        io.err << "frontline i18n merge: -o is for --interface; a scenario's catalogue is <folder>/i18n/LANG/<id>.po\n";
        return exit_usage;
    }
    auto scenarios = load_all(o.paths, io, "merge");
    if (!scenarios) return exit_errors;
    for (const auto& [file, s] : *scenarios) {
        const auto path = scenario_translation_path(file, s.id, o.language);
        const std::optional<PoFile> existing = existing_catalogue(path, io);
        if (!existing) return exit_errors;
        PoFile merged = merge_po(*existing, scenario_template(s, "../../" + file.filename().string()), o.language);
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
    if (!check_target(o, io, "status")) return exit_usage;
    if (o.interface) return status_interface(o, io);
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
    ex->add_option("paths", o->paths, "Scenario files or folders");
    ex->add_option("-o,--output", o->output,
                   "The .pot file (one scenario) or a folder for <id>.pot files; with --interface, the file (else "
                   "standard output)");
    ex->add_flag("--interface", o->interface, "The game's own interface (buttons, headings, messages) instead");
    ex->callback([o, &action] { action = [o](Io& io) { return extract(*o, io); }; });

    auto* mg = cmd->add_subcommand("merge", "Create or update each scenario's translation, <folder>/i18n/LANG/<id>.po");
    mg->add_option("paths", o->paths, "Scenario files or folders");
    mg->add_option("--lang", o->language, "Language code (fr, de, pt_BR...)")->required()->check(language_check);
    mg->add_flag("--interface", o->interface,
                 "The game's own interface: creates or updates i18n/LANG.po beside the installed template");
    mg->add_option("-o,--output", o->output, "With --interface: the catalogue to create or update instead");
    mg->callback([o, &action] { action = [o](Io& io) { return merge(*o, io); }; });

    auto* st = cmd->add_subcommand("status", "How much of each scenario is translated into a language");
    st->add_option("paths", o->paths, "Scenario files or folders");
    st->add_option("--lang", o->language, "Language code")->required()->check(language_check);
    st->add_flag("--interface", o->interface, "The game's own interface");
    st->add_option("-o,--output", o->output, "With --interface: the catalogue to check instead of i18n/LANG.po");
    st->callback([o, &action] { action = [o](Io& io) { return status(*o, io); }; });
}

}  // namespace frontline::cli
