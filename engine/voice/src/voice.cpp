// Voice parameters, line ids, clips in and out, and the worker thread.
#include "frontline/voice.hpp"

#include "frontline/line_ids.hpp"

#include <SDL.h>

#if FRONTLINE_HAS_OGG
#define STB_VORBIS_HEADER_ONLY
#include <stb_vorbis.h>
#endif

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace frontline::voice {

// --- voice parameters -----------------------------------------------------------------

VoiceParams voice_for_mood(const std::optional<Voice>& voice, int mood) {
    VoiceParams p;
    if (voice) {
        p.language = voice->language;
        p.variant = voice->variant;
        p.pitch = voice->pitch;
        p.rate = voice->rate;
    }
    const int tension = 50 - std::clamp(mood, 0, 100);  // +50 furious .. -50 delighted
    p.pitch = std::clamp(p.pitch + tension / 5, min_voice_pitch, max_voice_pitch);
    p.rate = std::clamp(p.rate + tension * 3 / 5, min_voice_rate, max_voice_rate);
    return p;
}

// --- line ids -------------------------------------------------------------------------

std::string line_id(const Scenario& s, int node, int line) {
    const Node& n = s.node(node);
    const CustomerLine& l = n.customer[static_cast<size_t>(line)];
    if (!l.id.empty()) return l.id;  // the stable line id the check pass gave it
    Scenario probe;                  // an unchecked scenario: derive it by the same rule, from the node alone
    probe.nodes.push_back(n);
    assign_line_ids(probe);
    return probe.nodes[0].customer[static_cast<size_t>(line)].id;
}

int line_index(const Scenario& s, int node, std::string_view text) {
    const auto& lines = s.node(node).customer;
    for (size_t i = 0; i < lines.size(); ++i)
        if (lines[i].text == text) return static_cast<int>(i);
    return 0;
}

// --- clips ----------------------------------------------------------------------------

namespace {

bool has_extension(const std::filesystem::path& file, std::string_view ext) {
    std::string e = file.extension().string();
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return e == ext;
}

std::optional<Clip> read_ogg(const std::filesystem::path& file, std::string& error) {
#if !FRONTLINE_HAS_OGG
    error = file.string() + ": this build reads WAV voice-over only";
    return std::nullopt;
#else
    int channels = 0, rate = 0;
    short* data = nullptr;
    const int frames = stb_vorbis_decode_filename(file.string().c_str(), &channels, &rate, &data);
    if (frames < 0 || !data || channels < 1 || rate <= 0) {
        std::free(data);
        error = file.string() + ": not an Ogg Vorbis file that can be decoded";
        return std::nullopt;
    }
    Clip clip;
    clip.rate = rate;
    clip.samples.resize(static_cast<size_t>(frames));
    for (size_t f = 0; f < clip.samples.size(); ++f) {
        int sum = 0;
        for (int c = 0; c < channels; ++c) sum += data[f * static_cast<size_t>(channels) + static_cast<size_t>(c)];
        clip.samples[f] = static_cast<int16_t>(sum / channels);
    }
    std::free(data);
    return clip;
#endif
}

std::optional<Clip> read_wav(const std::filesystem::path& file, std::string& error) {
    SDL_AudioSpec spec{};
    Uint8* buf = nullptr;
    Uint32 len = 0;
    if (!SDL_LoadWAV(file.string().c_str(), &spec, &buf, &len)) {
        error = file.string() + ": " + SDL_GetError();
        return std::nullopt;
    }
    // To mono 16-bit at the file's own rate: the player converts to the device later.
    SDL_AudioCVT cvt{};
    if (SDL_BuildAudioCVT(&cvt, spec.format, spec.channels, spec.freq, AUDIO_S16SYS, 1, spec.freq) < 0) {
        SDL_FreeWAV(buf);
        error = file.string() + ": " + SDL_GetError();
        return std::nullopt;
    }
    std::vector<uint8_t> bytes(static_cast<size_t>(len) * static_cast<size_t>(std::max(cvt.len_mult, 1)));
    std::memcpy(bytes.data(), buf, len);
    SDL_FreeWAV(buf);
    size_t out_len = len;
    if (cvt.needed) {
        cvt.buf = bytes.data();
        cvt.len = static_cast<int>(len);
        if (SDL_ConvertAudio(&cvt) != 0) {
            error = file.string() + ": " + SDL_GetError();
            return std::nullopt;
        }
        out_len = static_cast<size_t>(cvt.len_cvt);
    }
    Clip clip;
    clip.rate = spec.freq;
    clip.samples.resize(out_len / 2);
    std::memcpy(clip.samples.data(), bytes.data(), clip.samples.size() * 2);
    return clip;
}

void put_u32(std::ofstream& out, uint32_t v) {
    const char b[4] = {static_cast<char>(v), static_cast<char>(v >> 8), static_cast<char>(v >> 16),
                       static_cast<char>(v >> 24)};
    out.write(b, 4);
}
void put_u16(std::ofstream& out, uint16_t v) {
    const char b[2] = {static_cast<char>(v), static_cast<char>(v >> 8)};
    out.write(b, 2);
}

}  // namespace

std::optional<Clip> read_clip(const std::filesystem::path& file, std::string& error) {
    return has_extension(file, ".ogg") ? read_ogg(file, error) : read_wav(file, error);
}

std::string write_wav(const std::filesystem::path& file, const Clip& clip) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) return file.string() + ": cannot be written";
    const auto data_bytes = static_cast<uint32_t>(clip.samples.size() * 2);
    out.write("RIFF", 4);
    put_u32(out, 36 + data_bytes);
    out.write("WAVEfmt ", 8);
    put_u32(out, 16);
    put_u16(out, 1);  // PCM
    put_u16(out, 1);  // mono
    put_u32(out, static_cast<uint32_t>(clip.rate));
    put_u32(out, static_cast<uint32_t>(clip.rate) * 2);
    put_u16(out, 2);
    put_u16(out, 16);
    out.write("data", 4);
    put_u32(out, data_bytes);
    for (int16_t s : clip.samples) put_u16(out, static_cast<uint16_t>(s));  // little-endian whatever the host
    out.close();
    return out ? "" : file.string() + ": cannot be written";
}

std::filesystem::path find_voice_over(const std::filesystem::path& dir, const std::string& id) {
    std::error_code ec;
    for (const char* ext : {".wav", ".ogg"}) {
        std::filesystem::path p = dir / (id + ext);
        if (std::filesystem::is_regular_file(p, ec)) return p;
    }
    return {};
}

std::filesystem::path voice_over_dir(const Scenario& s) {
    return std::filesystem::path(s.file).parent_path() / "voice" / s.id;
}

// --- the worker -----------------------------------------------------------------------

std::string cache_key(const LineRequest& line) {
    return line.id + '\x1f' + line.text + '\x1f' + line.voice.language + '+' + line.voice.variant + '\x1f' +
           std::to_string(line.voice.pitch) + '/' + std::to_string(line.voice.rate) + '\x1f' + line.recorded.string();
}

VoiceWorker::VoiceWorker(Factory make) : thread_([this, make = std::move(make)] { run(make); }) {}

VoiceWorker::~VoiceWorker() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
        queue_.clear();
    }
    wake_.notify_all();
    thread_.join();
}

void VoiceWorker::request(LineRequest line) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(line));
    }
    wake_.notify_one();
}

void VoiceWorker::cancel_pending() {
    std::lock_guard lock(mutex_);
    queue_.clear();
}

std::vector<SpokenLine> VoiceWorker::poll() {
    std::lock_guard lock(mutex_);
    std::vector<SpokenLine> out;
    out.swap(done_);
    return out;
}

size_t VoiceWorker::busy() const {
    std::lock_guard lock(mutex_);
    return queue_.size() + in_progress_;
}

size_t VoiceWorker::cache_hits() const {
    std::lock_guard lock(mutex_);
    return cache_hits_;
}

void VoiceWorker::run(Factory make) {
    std::string start_error;
    std::unique_ptr<Synthesiser> synth = make(start_error);
    for (;;) {
        LineRequest line;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
            if (stop_) return;
            line = std::move(queue_.front());
            queue_.pop_front();
            in_progress_ = 1;
        }
        SpokenLine spoken{line.id, line.text, {}, !line.recorded.empty(), ""};
        const std::string key = cache_key(line);
        bool hit = false;
        if (auto cached = cache_.find(key); cached != cache_.end()) {
            spoken.clip = cached->second;
            hit = true;
        } else {
            std::optional<Clip> clip;
            if (!line.recorded.empty()) clip = read_clip(line.recorded, spoken.error);
            else if (synth) clip = synth->speak(line.voice, line.text, spoken.error);
            else spoken.error = start_error;
            if (clip) {
                spoken.clip = *clip;
                cache_.emplace(key, std::move(*clip));
            }
        }
        std::lock_guard lock(mutex_);
        cache_hits_ += hit;
        in_progress_ = 0;
        done_.push_back(std::move(spoken));
    }
}

}  // namespace frontline::voice
