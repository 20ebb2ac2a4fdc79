#include "frontline/results/data_path.hpp"

#include <cstdlib>
#include <system_error>

namespace frontline::results {

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

}  // namespace

std::filesystem::path results_path(const std::string& explicit_path) {
    std::filesystem::path p;
    if (!explicit_path.empty()) {
        p = explicit_path;
    } else if (std::string e = env(data_env_var); !e.empty()) {
        p = e;
    } else {
#ifdef _WIN32
        // Local, not roaming: a database does not belong in a roaming profile.
        if (std::string local = env("LOCALAPPDATA"); !local.empty())
            return std::filesystem::path(local) / "Frontline" / "results.db";
#endif
        // XDG Base Directory: an unset or relative XDG_DATA_HOME is to be ignored.
        std::filesystem::path base;
        if (std::string xdg = env("XDG_DATA_HOME"); !xdg.empty() && std::filesystem::path(xdg).is_absolute())
            base = xdg;
        else
            base = std::filesystem::path(env("HOME").empty() ? "." : env("HOME")) / ".local" / "share";
        return base / "frontline" / "results.db";
    }
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) p /= "results.db";
    return p;
}

}  // namespace frontline::results
