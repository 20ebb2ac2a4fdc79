// `frontline package cmi5 -o course.zip [SCENARIO...]`: a cmi5 course for an LMS. One
// AU per scenario, each launching the web build's index.html?scenario=FILE; the zip
// holds cmi5.xml, the web build (.ci/web makes it), the scenarios and their list
// (scenarios/index.json, which the page shows as its library).
#include "commands.hpp"
#include "zip_writer.hpp"

#include "frontline/reader.hpp"
#include "frontline/results/cmi5.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <memory>
#include <ostream>
#include <sstream>

namespace frontline::cli {

namespace {

std::string read_file(const std::filesystem::path& p, bool& ok) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    ok = in.good() || in.eof();
    return s.str();
}

/// The web build to package: --web, else the one .ci/web leaves in the source tree.
std::filesystem::path default_web_site() {
    return std::filesystem::path(FRONTLINE_SOURCE_SCENARIOS).parent_path() / "build-web" / "site";
}

}  // namespace

void add_package_command(CLI::App& app, Action& action) {
    auto* package = app.add_subcommand("package", "Package Frontline for a learning management system");
    package->require_subcommand(1);
    auto* cmd = package->add_subcommand(
        "cmi5",
        "Write a cmi5 course (one assignable unit per scenario, played in the browser) as a zip to upload to an LMS");
    struct Options {
        std::vector<std::string> paths;
        std::string output;
        std::string web;
        std::string title = "Frontline";
        std::string iri_base = results::XapiOptions{}.iri_base;
    };
    auto opts = std::make_shared<Options>();
    cmd->add_option("scenarios", opts->paths, "Scenario files or folders; default: the game's library");
    cmd->add_option("-o,--output", opts->output, "The zip to write")->required()->type_name("FILE");
    cmd->add_option("--web", opts->web,
                    "The web build's folder (index.html, .js, .wasm, .data); default: build-web/site")
        ->type_name("DIR");
    cmd->add_option("--title", opts->title, "The course's title in the LMS");
    cmd->add_option("--iri-base", opts->iri_base,
                    "Base of the course's and AUs' ids (an address your organisation controls)");
    cmd->callback([cmd, opts, &action] {
        std::vector<std::filesystem::path> inputs(opts->paths.begin(), opts->paths.end());
        if (inputs.empty()) inputs = chosen_scenario_library(*cmd->get_parent()->get_parent());
        action = [opts, inputs](Io& io) {
            const std::filesystem::path web = opts->web.empty() ? default_web_site() : std::filesystem::path(opts->web);
            for (const char* f : {"index.html", "index.js", "index.wasm", "index.data"}) {
                if (!std::filesystem::is_regular_file(web / f)) {
                    io.err << "frontline package: " << (web / f).string()
                           << ": not found; build the web version first (.ci/web) or name it with --web DIR\n";
                    return exit_usage;
                }
            }
            std::vector<std::string> missing;
            auto files = find_scenario_files(inputs, missing);
            for (const auto& m : missing) io.err << "frontline package: " << m << ": no such file or folder\n";
            if (!missing.empty()) return exit_usage;
            if (files.empty()) {
                io.err << "frontline package: no scenario files (*.yaml) found\n";
                return exit_usage;
            }
            std::vector<results::cmi5::AssignableUnit> units;
            std::map<std::string, std::string> contents;  // zip name -> bytes
            std::map<std::string, std::string> ids;       // scenario id -> file, for duplicates
            int broken = 0;
            for (const auto& file : files) {
                LoadedScenario loaded = load_scenario(file);
                if (!loaded.scenario) {
                    io.err << "frontline package: " << file.string() << ": has errors; `frontline check "
                           << file.string() << "` lists them\n";
                    ++broken;
                    continue;
                }
                const Scenario& s = *loaded.scenario;
                const std::string name = file.filename().string();
                // The page loads scenarios/NAME by a plain URL: letters, digits, '.', '_', '-'.
                if (!std::all_of(name.begin(), name.end(),
                                 [](unsigned char c) { return std::isalnum(c) || c == '.' || c == '_' || c == '-'; })) {
                    io.err << "frontline package: " << file.string()
                           << ": rename it to letters, digits, '.', '_' and '-' only (the browser loads it by name)\n";
                    ++broken;
                    continue;
                }
                if (contents.count("scenarios/" + name) || ids.count(s.id)) {
                    io.err << "frontline package: " << file.string() << ": a scenario with this "
                           << (ids.count(s.id) ? "id (" + s.id + ")" : "file name") << " is already in the course\n";
                    ++broken;
                    continue;
                }
                bool ok = false;
                contents["scenarios/" + name] = read_file(file, ok);
                ids[s.id] = file.string();
                units.push_back({s.id, s.title, s.setting.empty() ? s.summary : s.setting + ". " + s.summary, name});
            }
            if (broken) return exit_errors;
            // The list the page reads to show these scenarios as its library.
            std::string index = "[";
            for (const auto& u : units) index += (index.size() > 1 ? ",\"" : "\"") + u.scenario_file + "\"";
            contents["scenarios/index.json"] = index + "]\n";
            results::XapiOptions xapi;
            xapi.iri_base = opts->iri_base;
            contents["cmi5.xml"] = results::cmi5::course_structure_xml(opts->title, units, xapi);
            for (const auto& entry : std::filesystem::recursive_directory_iterator(web)) {
                if (!entry.is_regular_file()) continue;
                const std::string rel = std::filesystem::relative(entry.path(), web).generic_string();
                bool ok = false;
                contents[rel] = read_file(entry.path(), ok);
                if (!ok) {
                    io.err << "frontline package: cannot read " << entry.path().string() << '\n';
                    return exit_usage;
                }
            }
            ZipWriter zip(opts->output);
            if (!zip.ok()) {
                io.err << "frontline package: cannot write " << opts->output << '\n';
                return exit_usage;
            }
            // cmi5.xml first, where people (and some LMSs) look for it.
            zip.add("cmi5.xml", contents["cmi5.xml"]);
            for (const auto& [name, bytes] : contents)
                if (name != "cmi5.xml") zip.add(name, bytes);
            if (!zip.finish()) {
                io.err << "frontline package: writing " << opts->output << " failed\n";
                return exit_usage;
            }
            io.out << "Wrote " << opts->output << ": cmi5 course \"" << opts->title << "\", " << units.size()
                   << " assignable unit" << (units.size() == 1 ? "" : "s") << ", " << contents.size() << " files\n";
            return exit_ok;
        };
    });
}

}  // namespace frontline::cli
