// libFuzzer target: the scenario reader and checker on arbitrary bytes (what `frontline check`
// and the game do with a file). Any crash, leak, sanitizer report or hang is a bug.
#include "frontline/reader.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    // Smaller exploration budgets than the defaults: under the sanitizers a file that fills
    // the default 128 MB state table takes longer than the fuzzer's timeout; the budgets
    // themselves are measured by frontline_hostile_bench.
    frontline::CheckOptions options;
    options.state_limit = 20'000;
    options.state_memory_limit = size_t{8} << 20;
    frontline::LoadedScenario loaded = frontline::load_scenario_from_bytes(bytes, "fuzz.yaml", options);
    // A scenario that loads has no errors, and every diagnostic formats.
    if (loaded.scenario && loaded.diagnostics.has_errors()) __builtin_trap();
    for (const auto& d : loaded.diagnostics.items()) (void)frontline::format_diagnostic(d);
    return 0;
}
