package org.duetstudio.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.duetstudio.core.store.Json;
import org.junit.jupiter.api.Test;

class SpecsTest {
  @Test
  void outOfRangeValuesAreRefusedWithTheFieldsLabelAndRange() {
    ClassifierSpec d = ClassifierSpec.defaults(ClassifierKind.CNN);
    assertThatThrownBy(() -> d.withEpochs(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Epochs must be between 1 and 1000, got 0");
    assertThatThrownBy(() -> d.withLearningRate(Double.NaN)).hasMessageContaining("Learning rate");
    assertThatThrownBy(() -> GeneratorSpec.defaults(GeneratorKind.VAE).withLatentDim(0))
        .hasMessage("Latent dimensions must be between 1 and 512, got 0");
    assertThatThrownBy(() -> new ClassifierSpec(null, 1, 1, 0.1, 0, 1, 1)).hasMessage("Model is missing");
  }

  @Test
  void specsRoundTripThroughJson() {
    for (ClassifierKind k : ClassifierKind.values()) {
      ClassifierSpec s = ClassifierSpec.defaults(k).withSeed(99);
      assertThat(Json.read(Json.write(s), ClassifierSpec.class)).isEqualTo(s);
    }
    GeneratorSpec g = GeneratorSpec.defaults(GeneratorKind.VAE).withLatentDim(2);
    assertThat(Json.read(Json.write(g), GeneratorSpec.class)).isEqualTo(g);
  }

  @Test
  void invalidJsonValuesAreRefusedByTheSameValidation() {
    String json = Json.write(ClassifierSpec.defaults(ClassifierKind.CNN)).replace("\"epochs\" : 3", "\"epochs\" : -2");
    assertThatThrownBy(() -> Json.read(json, ClassifierSpec.class)).hasMessageContaining("Epochs must be between");
  }

  @Test
  void kindsResolveFromTheirCommandLineNames() {
    assertThat(ClassifierKind.fromId("cnn")).isEqualTo(ClassifierKind.CNN);
    assertThat(ClassifierKind.fromId("LOGREG")).isEqualTo(ClassifierKind.LOGISTIC_REGRESSION);
    assertThatThrownBy(() -> GeneratorKind.fromId("glow")).hasMessageContaining("[vae, gan, dcgan, diffusion, latent-diffusion]");
  }

  @Test
  void presetsAreFoundByNameAndSayHowLongTheyTake() {
    assertThat(Preset.named("quick")).isEqualTo(Preset.QUICK_DEMO);
    assertThat(Preset.named("Full run")).isEqualTo(Preset.FULL_RUN);
    assertThatThrownBy(() -> Preset.named("slow")).hasMessageContaining("[Quick demo, Diffusion demo, Full run]");
    assertThat(Preset.QUICK_DEMO.minutes()).isLessThan(5);
    assertThat(Preset.QUICK_DEMO.generator().conditional()).isTrue();
    assertThat(Preset.QUICK_DEMO.announcement()).contains("2 minutes").contains("2-core");
  }

  @Test
  void aPresetTakesTheImagesItAnnouncesWhateverIsLoaded() {
    // Quick demo: the sample's counts, also with the full Fashion-MNIST's 60,000 loaded
    assertThat(Preset.QUICK_DEMO.trainImages()).isEqualTo(12_000);
    assertThat(Preset.QUICK_DEMO.testImages()).isEqualTo(2_500);
    assertThat(Preset.QUICK_DEMO.imagesUsed(60_000)).isEqualTo(12_000);
    assertThat(Preset.QUICK_DEMO.minutesWith(60_000)).isEqualTo(Preset.QUICK_DEMO.minutes());
    assertThat(Preset.QUICK_DEMO.announcement(60_000))
        .contains("12,000 training images")
        .isEqualTo(Preset.QUICK_DEMO.announcement(12_000));
    assertThat(Preset.QUICK_DEMO.minutesWith(3_000)).isEqualTo(Preset.QUICK_DEMO.minutes() / 4);
    // Full run: all images, its time in proportion to their number
    assertThat(Preset.FULL_RUN.imagesUsed(60_000)).isEqualTo(60_000);
    assertThat(Preset.FULL_RUN.announcement(12_000)).contains("3 minutes").contains("with 12,000 training");
    assertThat(Preset.FULL_RUN.announcement(60_000)).contains("16 minutes").contains("with 60,000 training");
    assertThat(Preset.FULL_RUN.announcement()).contains("3 minutes").contains("16 minutes on the full");
  }
}
