#include "frontline/results/uuid.hpp"

#include <array>
#include <cstdio>

namespace frontline::results {

std::optional<std::string> random_uuid() {
    std::array<unsigned char, 16> bytes{};
    std::FILE* f = std::fopen("/dev/urandom", "rb");
    if (!f) return std::nullopt;
    const size_t got = std::fread(bytes.data(), 1, bytes.size(), f);
    std::fclose(f);
    if (got != bytes.size()) return std::nullopt;
    // RFC 4122 section 4.4: version 4 in the high nibble of byte 6, variant 10xx in byte 8.
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += hex[bytes[i] >> 4];
        out += hex[bytes[i] & 0x0F];
    }
    return out;
}

bool is_uuid(const std::string& text) {
    if (text.size() != 36) return false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool dash_here = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash_here != (c == '-')) return false;
        if (!dash_here && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
    }
    return true;
}

}  // namespace frontline::results
