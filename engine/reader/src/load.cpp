#include "frontline/reader.hpp"

#include <algorithm>
#include <fstream>
#include <new>
#include <system_error>

namespace frontline {

LoadedScenario load_scenario_from_bytes(std::string_view bytes, const std::string& file, const CheckOptions& options) {
    LoadedScenario out{std::nullopt, std::nullopt, DiagnosticList(file), false};
    try {
        std::optional<Scenario> s = read_scenario(bytes, file, out.diagnostics);
        // Structural problems make the state exploration meaningless: check only a clean read.
        if (s && !out.diagnostics.has_errors()) {
            out.bounds = check_scenario(*s, out.diagnostics, options);
            if (!out.diagnostics.has_errors()) out.scenario = std::move(s);
        }
    } catch (const std::bad_alloc&) {
        // The budgets should prevent this; if they do not, the file is refused, not the process ended.
        out.scenario.reset();
        out.bounds.reset();
        report_out_of_memory(out.diagnostics, "reading and checking the scenario");
    }
    out.diagnostics.sort_by_position();
    return out;
}

LoadedScenario load_scenario(const std::filesystem::path& path, const CheckOptions& options) {
    const std::string file = path.string();
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    auto io_failure = [&](std::string message) {
        LoadedScenario out{std::nullopt, std::nullopt, DiagnosticList(file), true};
        out.diagnostics.error(codes::io_error, {}, std::move(message));
        return out;
    };
    if (ec || !std::filesystem::exists(status)) return io_failure("cannot open the file: no such file");
    if (std::filesystem::is_directory(status)) return io_failure("is a folder, not a scenario file");
    auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > max_scenario_bytes) {
        // Refused before reading: a huge file must not be loaded into memory first.
        LoadedScenario out{std::nullopt, std::nullopt, DiagnosticList(file), false};
        out.diagnostics.error(codes::file_too_large, {1, 1},
                              "the file is " + std::to_string(size / 1024) + " KiB; scenario files may be at most " +
                                  std::to_string(max_scenario_bytes / (1024 * 1024)) + " MiB");
        return out;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return io_failure("cannot open the file for reading");
    std::string bytes;
    bytes.resize(static_cast<size_t>(size));
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<size_t>(in.gcount()));
    if (in.bad()) return io_failure("cannot read the file");
    return load_scenario_from_bytes(bytes, file, options);
}

namespace {
bool is_scenario_file(const std::filesystem::path& p) {
    const std::string name = p.filename().string();
    auto ends_with = [&](std::string_view suffix) {
        return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (ends_with(".test.yaml") || ends_with(".test.yml")) return false;
    return ends_with(".yaml") || ends_with(".yml");
}
}  // namespace

std::vector<std::filesystem::path> find_scenario_files(const std::vector<std::filesystem::path>& paths,
                                                       std::vector<std::string>& missing) {
    std::vector<std::filesystem::path> out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (std::filesystem::is_directory(p, ec)) {
            std::vector<std::filesystem::path> found;
            for (auto it = std::filesystem::recursive_directory_iterator(p, std::filesystem::directory_options::skip_permission_denied, ec);
                 !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
                if (it->is_regular_file(ec) && is_scenario_file(it->path())) found.push_back(it->path());
            }
            std::sort(found.begin(), found.end());
            out.insert(out.end(), found.begin(), found.end());
        } else if (std::filesystem::exists(p, ec)) {
            out.push_back(p);  // named explicitly: checked whatever its extension
        } else {
            missing.push_back(p.string());
        }
    }
    return out;
}

}  // namespace frontline
