// libFuzzer target: the game's settings file parser, and a round trip of what it reads.
#include "settings.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace frontline::game;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    LoadedSettings loaded = parse_settings(text, "settings.ini");
    // Written settings read back the same.
    std::string written = format_settings(loaded.settings);
    LoadedSettings again = parse_settings(written, "settings.ini");
    if (format_settings(again.settings) != written) __builtin_trap();
    return 0;
}
