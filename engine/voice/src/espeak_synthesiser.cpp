// espeak-ng behind the Synthesiser interface: synchronous mode, a callback that
// appends the samples to the clip being made, one caller at a time.
#include "frontline/voice.hpp"

#if FRONTLINE_HAS_ESPEAK
#include <espeak-ng/speak_lib.h>
#endif

#include <mutex>

namespace frontline::voice {

#if FRONTLINE_HAS_ESPEAK

namespace {

// espeak-ng keeps global state and is not thread-safe: it is started once per process
// (starting it again after espeak_Terminate hangs in 1.51), and every use holds this lock.
// The game's single worker thread is then its only user; tests may make several.
std::mutex espeak_mutex;
int espeak_rate = 0;  ///< samples a second, once started
thread_local std::vector<int16_t>* collecting = nullptr;

int collect(short* samples, int count, espeak_EVENT*) {
    if (collecting && samples && count > 0) collecting->insert(collecting->end(), samples, samples + count);
    return 0;  // go on
}

class EspeakSynthesiser final : public Synthesiser {
public:
    std::optional<Clip> speak(const VoiceParams& voice, const std::string& text, std::string& error) override {
        std::lock_guard lock(espeak_mutex);
        const std::string name = voice.variant.empty() ? voice.language : voice.language + "+" + voice.variant;
        if (espeak_SetVoiceByName(name.c_str()) != EE_OK) {
            error = "espeak-ng has no voice '" + name + "'";
            if (espeak_SetVoiceByName("en") != EE_OK) return std::nullopt;  // speak anyway, in the default
        }
        espeak_SetParameter(espeakRATE, voice.rate, 0);
        espeak_SetParameter(espeakPITCH, voice.pitch, 0);
        Clip clip;
        clip.rate = espeak_rate;
        collecting = &clip.samples;
        const espeak_ERROR result = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                                 espeakCHARS_UTF8 | espeakENDPAUSE, nullptr, nullptr);
        collecting = nullptr;
        if (result != EE_OK) {
            error = "espeak-ng could not speak the line";
            return std::nullopt;
        }
        return clip;
    }
};

}  // namespace

std::unique_ptr<Synthesiser> make_espeak_synthesiser(std::string& error) {
    std::lock_guard lock(espeak_mutex);
    if (espeak_rate <= 0) {
        const int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
        if (rate <= 0) {
            error = "espeak-ng could not start (is espeak-ng-data installed?)";
            return nullptr;
        }
        espeak_SetSynthCallback(collect);
        espeak_rate = rate;
    }
    return std::make_unique<EspeakSynthesiser>();
}

#else

std::unique_ptr<Synthesiser> make_espeak_synthesiser(std::string& error) {
    error = "this build has no speech synthesiser (espeak-ng was not found when it was built)";
    return nullptr;
}

#endif

}  // namespace frontline::voice
