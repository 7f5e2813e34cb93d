package io.migrationsafety.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

  @Test
  void orders_numbers_by_value_not_by_characters() {
    List<String> names = new ArrayList<>(List.of("V10__c.sql", "V2__b.sql", "V1__a.sql", "V100__d.sql"));
    names.sort(NaturalOrder.INSTANCE);
    assertThat(names).containsExactly("V1__a.sql", "V2__b.sql", "V10__c.sql", "V100__d.sql");
  }

  @Test
  void orders_timestamps_and_equal_numbers_with_leading_zeros_consistently() {
    List<String> names = new ArrayList<>(List.of("20240102_b", "001_a", "1_a", "20231231_a"));
    names.sort(NaturalOrder.INSTANCE);
    assertThat(names).containsExactly("1_a", "001_a", "20231231_a", "20240102_b");
    assertThat(NaturalOrder.INSTANCE.compare("001_a", "1_a")).isEqualTo(-NaturalOrder.INSTANCE.compare("1_a", "001_a"));
  }

  @Test
  void a_prefix_comes_first() {
    assertThat(NaturalOrder.INSTANCE.compare("V1", "V1__a")).isNegative();
    assertThat(NaturalOrder.INSTANCE.compare("abc", "abc")).isZero();
  }
}
