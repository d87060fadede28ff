package org.duetstudio.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.duetstudio.core.data.DatasetSource;
import org.junit.jupiter.api.Test;

class PromptReaderTest {
  private final PromptReader fashion = PromptReader.forClasses(DatasetSource.FASHION_CLASSES);

  @Test
  void classNamesPluralsNumbersAndSynonyms() {
    assertThat(fashion.read("a sneaker")).extracting(Prompt::className, Prompt::count).containsExactly("Sneaker", 1);
    assertThat(fashion.read("two bags")).extracting(Prompt::className, Prompt::count).containsExactly("Bag", 2);
    assertThat(fashion.read("trousers")).extracting(Prompt::className, Prompt::count).containsExactly("Trouser", 8);
    assertThat(fashion.read("3 T-shirts please")).extracting(Prompt::className, Prompt::count).containsExactly("T-shirt/top", 3);
    assertThat(fashion.read("Some ankle boots!")).extracting(Prompt::className, Prompt::count).containsExactly("Ankle boot", 8);
    assertThat(fashion.read("five dresses")).extracting(Prompt::className, Prompt::count).containsExactly("Dress", 5);
    assertThat(fashion.read("a jumper")).extracting(Prompt::className).isEqualTo("Pullover");
    assertThat(fashion.read("1000 coats").count()).isEqualTo(Prompt.MAX_COUNT);
    // the longest phrase wins: "ankle boot" over "boot", "running shoe" over "shoe"
    assertThat(fashion.read("a running shoe").className()).isEqualTo("Sneaker");
  }

  @Test
  void aUsersFolderNamesWorkAndAnUnknownPromptSaysWhatItKnows() {
    PromptReader own = new PromptReader(List.of("cat", "dog", "pony"), Map.of());
    assertThat(own.read("two ponies").className()).isEqualTo("pony");
    assertThat(own.read("dogs").count()).isEqualTo(8);
    assertThatThrownBy(() -> own.read("a giraffe"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names none of the classes")
        .hasMessageContaining("cat, dog, pony");
  }
}
