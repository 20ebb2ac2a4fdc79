#include "scenario_paths.hpp"

#include <cstdlib>
#include <system_error>

namespace frontline::cli {

std::filesystem::path bundled_scenarios_dir() {
    if (const char* env = std::getenv("FRONTLINE_SCENARIOS"); env && *env) return env;
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        auto installed = exe.parent_path().parent_path() / "share" / "frontline" / "scenarios";
        if (std::filesystem::is_directory(installed, ec)) return installed;
    }
    return FRONTLINE_SOURCE_SCENARIOS;
}

}  // namespace frontline::cli
