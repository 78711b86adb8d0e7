package io.sluice.session.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.sql.Converter;
import io.sluice.core.sql.SqlType;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Converters and enum storage in the mapping: the types they give columns, and wrong uses refused with the fix. */
final class ConverterMappingUnitTests {

    record Phone(String digits) {}

    record Code(String value) {}

    static final class PhoneConverter implements Converter<Phone, String> {
        @Override
        public String toDatabase(Phone value) {
            return value.digits();
        }

        @Override
        public Phone fromDatabase(String value) {
            return new Phone(value);
        }
    }

    static final class CodeConverter implements Converter<Code, String> {
        @Override
        public String toDatabase(Code value) {
            return value.value();
        }

        @Override
        public Code fromDatabase(String value) {
            return new Code(value);
        }
    }

    static final class OtherCodeConverter implements Converter<Code, String> {
        @Override
        public String toDatabase(Code value) {
            return value.value();
        }

        @Override
        public Code fromDatabase(String value) {
            return new Code(value);
        }
    }

    static final class NoConstructorConverter implements Converter<Phone, String> {
        NoConstructorConverter(String ignored) {}

        @Override
        public String toDatabase(Phone value) {
            return value.digits();
        }

        @Override
        public Phone fromDatabase(String value) {
            return new Phone(value);
        }
    }

    static final class MapConverter implements Converter<Phone, Map<String, String>> {
        @Override
        public Map<String, String> toDatabase(Phone value) {
            return Map.of("digits", value.digits());
        }

        @Override
        public Phone fromDatabase(Map<String, String> value) {
            return new Phone(value.get("digits"));
        }
    }

    static final class Generic<T> implements Converter<T, String> {
        @Override
        public String toDatabase(T value) {
            return value.toString();
        }

        @Override
        public T fromDatabase(String value) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Failing implements Converter<Phone, String> {
        Failing() {
            throw new IllegalStateException("no configuration");
        }

        @Override
        public String toDatabase(Phone value) {
            return value.digits();
        }

        @Override
        public Phone fromDatabase(String value) {
            return new Phone(value);
        }
    }

    enum Size {
        SMALL,
        LARGE
    }

    @Entity(table = "conv_mismatch")
    static class Mismatch {
        @Id
        Long id;

        @Convert(PhoneConverter.class)
        Code code;
    }

    @Entity(table = "conv_no_constructor")
    static class ConverterWithoutConstructor {
        @Id
        Long id;

        @Convert(NoConstructorConverter.class)
        Phone phone;
    }

    @Entity(table = "conv_unstorable")
    static class UnstorableTarget {
        @Id
        Long id;

        @Convert(MapConverter.class)
        Phone phone;
    }

    @Entity(table = "conv_generic")
    static class GenericConverter {
        @Id
        Long id;

        @SuppressWarnings("rawtypes")
        @Convert(Generic.class)
        Phone phone;
    }

    @Entity(table = "conv_failing")
    static class FailingConverter {
        @Id
        Long id;

        @Convert(Failing.class)
        Phone phone;
    }

    @Entity(table = "conv_id")
    static class ConvertedId {
        @Id
        @Convert(PhoneConverter.class)
        Phone id;
    }

    @Entity(table = "conv_not_enum")
    static class EnumeratedString {
        @Id
        Long id;

        @Enumerated(Enumerated.EnumStorage.ORDINAL)
        String size;
    }

    @Entity(table = "conv_both")
    static class ConvertAndEnumerated {
        @Id
        Long id;

        @Convert(PhoneConverter.class)
        @Enumerated
        Phone phone;
    }

    @Entity(table = "conv_twice")
    @RegisterConverter(CodeConverter.class)
    @RegisterConverter(OtherCodeConverter.class)
    static class RegisteredTwice {
        @Id
        Long id;

        Code code;
    }

    @Entity(table = "conv_unregistered")
    static class Unregistered {
        @Id
        Long id;

        Code code;
    }

    @Entity(table = "conv_good")
    @RegisterConverter(CodeConverter.class)
    static class Converted {
        @Id
        Long id;

        Code code;

        @Convert(PhoneConverter.class)
        @MappedColumn(length = 20, nullable = false)
        Phone phone;

        @Enumerated(Enumerated.EnumStorage.ORDINAL)
        Size size;

        Size named;
    }

    static Stream<Arguments> wrongMappings() {
        return Stream.of(
                Arguments.of(Mismatch.class, "Mismatch.code holds Code, but its converter"),
                Arguments.of(ConverterWithoutConstructor.class, "which has no no-argument constructor: add one"),
                Arguments.of(UnstorableTarget.class, "which stores java.util.Map: a converter must store one of"),
                Arguments.of(GenericConverter.class, "is not a class: declare it as implements Converter<FieldType"),
                Arguments.of(FailingConverter.class, "whose constructor failed: java.lang.IllegalStateException"),
                Arguments.of(ConvertedId.class, "ConvertedId.id is an @Id field with a converter"),
                Arguments.of(EnumeratedString.class, "applies to enum fields only"),
                Arguments.of(ConvertAndEnumerated.class, "has both @Convert and @Enumerated"),
                Arguments.of(RegisteredTwice.class, "registers two converters for Code"),
                Arguments.of(Unregistered.class, "give it a converter (@Convert, or @RegisterConverter"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongMappings")
    void shouldRefuseAWrongConverterNamingTheFix(Class<?> type, String message) {
        assertThatThrownBy(() -> Mapping.of(type))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(message);
    }

    @Test
    void shouldGiveConvertedColumnsTheStoredTypeAndTheFieldsJavaType() {
        EntityModel<Converted> model = Mapping.of(Converted.class).entity(Converted.class);
        SqlType<?> phone = model.attribute("phone").type();
        assertThat(phone.javaType()).isEqualTo(Phone.class);
        assertThat(phone.storage()).isEqualTo(SqlType.varchar(20));
        assertThat(model.table().column("phone").isNullable()).isFalse();
        assertThat(model.attribute("code").type().javaType()).isEqualTo(Code.class);
        // An immutable converted value is its own state: read, compared and snapshotted as the value, converted only to
        // bind.
        assertThat(model.attribute("code").stateType())
                .isEqualTo(model.attribute("code").type());
        assertThat(model.attribute("code").keepsStoredState()).isFalse();
        assertThat(model.attribute("size").type().storage()).isEqualTo(SqlType.INTEGER);
        assertThat(model.attribute("named").type()).isEqualTo(SqlType.enumType(Size.class));
        assertThat(model.attribute("named").isConverted()).isFalse();
    }

    @Test
    void shouldKeepStoredValuesAsTheStateOfConvertedFields() {
        EntityModel<Converted> model = Mapping.of(Converted.class).entity(Converted.class);
        Converted good = new Converted();
        good.phone = new Phone("555");
        good.size = Size.LARGE;
        // Records of immutable components and enums are immutable: their state is the value itself.
        assertThat(model.attribute("phone").state(good)).isEqualTo(new Phone("555"));
        assertThat(model.attribute("size").state(good)).isEqualTo(Size.LARGE);
        model.attribute("size").setState(good, Size.SMALL);
        assertThat(good.size).isEqualTo(Size.SMALL);
        assertThatThrownBy(() -> java.util.Objects.requireNonNull(
                                model.attribute("size").type().conversion())
                        .fromDatabase(7))
                .hasMessageContaining("no constant of")
                .hasMessageContaining("has ordinal 7");
    }
}
