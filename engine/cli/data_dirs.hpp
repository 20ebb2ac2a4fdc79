// Where Frontline's own data is: the bundled scenarios and the assets (fonts,
// sounds, icons), found from the executable's location so an installed copy is
// relocatable, and an organisation's scenario libraries added on top.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

namespace frontline::cli {

/// The bundled data of this copy of Frontline.
struct DataDirs {
    /// The bundled scenario library.
    std::filesystem::path scenarios;
    /// Searched in order for an asset file (the build folder's generated assets come
    /// before the source tree's, so one list serves both).
    std::vector<std::filesystem::path> assets;
    /// True when found in an installed layout, false when running from a build folder.
    bool installed = false;
};

/// The running program's own file ("" if the platform cannot say).
std::filesystem::path executable_path();

/// An installed layout next to `executable` (<prefix>/bin/frontline beside
/// <prefix>/share/frontline, or frontline.exe beside scenarios/ and assets/ in the
/// Windows folder), else the source tree and build folder this binary was built from.
DataDirs data_dirs_for(const std::filesystem::path& executable);

/// data_dirs_for(executable_path()).
DataDirs data_dirs();

/// The folders named by $FRONTLINE_SCENARIOS, a list separated like PATH
/// (':' on Linux, ';' on Windows); empty entries are skipped.
std::vector<std::filesystem::path> split_search_path(std::string_view list);

/// The scenario library the game and `frontline check` (with no paths) use: the
/// bundled scenarios, then $FRONTLINE_SCENARIOS's folders, then each `--scenarios DIR`.
std::vector<std::filesystem::path> scenario_library(const std::vector<std::string>& extra_dirs);

}  // namespace frontline::cli
