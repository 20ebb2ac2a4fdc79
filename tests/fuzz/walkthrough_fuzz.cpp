// libFuzzer target: the walkthrough (*.test.yaml) reader on arbitrary bytes.
#include "frontline/walkthrough_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    frontline::DiagnosticList diags("fuzz.test.yaml");
    auto walkthroughs = frontline::read_walkthroughs(bytes, diags);
    if (walkthroughs && walkthroughs->empty() && diags.items().empty()) return 0;
    for (const auto& d : diags.items()) (void)frontline::format_diagnostic(d);
    return 0;
}
