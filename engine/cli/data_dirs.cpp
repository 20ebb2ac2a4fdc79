#include "data_dirs.hpp"

#include <cstdlib>
#include <system_error>

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif

namespace frontline::cli {

std::filesystem::path executable_path() {
#ifdef _WIN32
    std::wstring buf(MAX_PATH, L'\0');
    for (;;) {
        DWORD n = GetModuleFileNameW(nullptr, buf.data(), static_cast<DWORD>(buf.size()));
        if (n == 0) return {};
        if (n < buf.size()) return std::filesystem::path(buf.substr(0, n));
        buf.resize(buf.size() * 2);
    }
#else
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path{} : exe;
#endif
}

DataDirs data_dirs_for(const std::filesystem::path& executable) {
    std::error_code ec;
    if (!executable.empty()) {
        // FRONTLINE_DATA_FROM_BIN: the install's data folder relative to its bin folder,
        // "../share/frontline" on Linux, "." in the Windows folder (set by CMake).
        auto data = (executable.parent_path() / FRONTLINE_DATA_FROM_BIN).lexically_normal();
        if (std::filesystem::is_directory(data / "scenarios", ec))
            return {data / "scenarios", {data / "assets"}, true};
    }
    return {FRONTLINE_SOURCE_SCENARIOS, {FRONTLINE_BUILD_ASSETS, FRONTLINE_SOURCE_ASSETS}, false};
}

DataDirs data_dirs() { return data_dirs_for(executable_path()); }

std::vector<std::filesystem::path> split_search_path(std::string_view list) {
#ifdef _WIN32
    constexpr char separator = ';';
#else
    constexpr char separator = ':';
#endif
    std::vector<std::filesystem::path> out;
    while (!list.empty()) {
        size_t end = list.find(separator);
        std::string_view item = list.substr(0, end);
        if (!item.empty()) out.emplace_back(std::string(item));
        if (end == std::string_view::npos) break;
        list.remove_prefix(end + 1);
    }
    return out;
}

std::vector<std::filesystem::path> scenario_library(const std::vector<std::string>& extra_dirs) {
    std::vector<std::filesystem::path> out{data_dirs().scenarios};
    if (const char* env = std::getenv("FRONTLINE_SCENARIOS"); env && *env)
        for (auto& p : split_search_path(env)) out.push_back(std::move(p));
    out.insert(out.end(), extra_dirs.begin(), extra_dirs.end());
    return out;
}

}  // namespace frontline::cli
