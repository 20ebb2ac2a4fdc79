#include "frontline/phones/qr_code.hpp"

#include <qrencode.h>

#include <memory>
#include <string>

namespace frontline::phones {

std::optional<QrCode> qr_code(std::string_view text) {
    if (text.empty() || text.find('\0') != std::string_view::npos || text.size() > 2000) return std::nullopt;
    const std::string owned(text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString8bit(owned.c_str(), 0, QR_ECLEVEL_M),
                                                         &QRcode_free);
    if (!code) return std::nullopt;
    QrCode out;
    out.size = code->width;
    out.dark.resize(static_cast<size_t>(code->width) * static_cast<size_t>(code->width));
    for (size_t i = 0; i < out.dark.size(); ++i) out.dark[i] = (code->data[i] & 1) != 0;  // bit 0: dark module
    return out;
}

}  // namespace frontline::phones
