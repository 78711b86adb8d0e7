package io.sluice.session.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.sql.SqlType;
import io.sluice.session.mapping.Enumerated.EnumStorage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Enums stored in database enum types: their type names and labels, and the wrong mappings refused with their fix. */
final class NativeEnumsUnitTests {

    enum OrderStatus {
        NEW,
        PAID
    }

    enum HTTPCode {
        OK
    }

    enum Nothing {}

    @Entity(table = "native_orders")
    static class Order {
        @Id
        Long id;

        @Enumerated(EnumStorage.NATIVE)
        OrderStatus status;

        @Enumerated(value = EnumStorage.NATIVE, typeName = "Order_State")
        OrderStatus previous;

        @Enumerated(value = EnumStorage.NATIVE)
        HTTPCode code;
    }

    @Entity(table = "native_not_enum")
    static class NotEnum {
        @Id
        Long id;

        @Enumerated(EnumStorage.NATIVE)
        String status;
    }

    @Entity(table = "native_bad_name")
    static class BadName {
        @Id
        Long id;

        @Enumerated(value = EnumStorage.NATIVE, typeName = "order status")
        OrderStatus status;
    }

    @Entity(table = "native_name_storage")
    static class NameWithTypeName {
        @Id
        Long id;

        @Enumerated(typeName = "order_status")
        OrderStatus status;
    }

    @Entity(table = "native_ordinal_storage")
    static class OrdinalWithTypeName {
        @Id
        Long id;

        @Enumerated(value = EnumStorage.ORDINAL, typeName = "order_status")
        OrderStatus status;
    }

    @Entity(table = "native_empty")
    static class Empty {
        @Id
        Long id;

        @Enumerated(EnumStorage.NATIVE)
        Nothing nothing;
    }

    @Entity(table = "native_shared")
    static class Shared {
        @Id
        Long id;

        @Enumerated(value = EnumStorage.NATIVE, typeName = "order_status")
        HTTPCode code;
    }

    @Entity(table = "order_status")
    static class TableNamedLikeType {
        @Id
        Long id;

        @Enumerated(EnumStorage.NATIVE)
        OrderStatus status;
    }

    @Test
    void shouldNameTheTypeAfterTheEnumInSnakeCaseUnlessGiven() {
        EntityModel<Order> model = Mapping.of(Order.class).entity(Order.class);

        assertThat(model.attribute("status").type()).isEqualTo(SqlType.namedEnum(OrderStatus.class, "order_status"));
        assertThat(model.attribute("previous").type()).isEqualTo(SqlType.namedEnum(OrderStatus.class, "Order_State"));
        assertThat(model.attribute("code").type().namedEnum())
                .isEqualTo(new SqlType.NamedEnum("http_code", List.of("OK")));
        assertThat(Mapping.of(Order.class).metadata().enumTypes())
                .extracting(SqlType.NamedEnum::name)
                .containsExactly("order_status", "Order_State", "http_code");
    }

    @Test
    void shouldWriteJavaNamesInSnakeCase() {
        assertThat(NativeEnums.snakeCase("Mood")).isEqualTo("mood");
        assertThat(NativeEnums.snakeCase("OrderStatus")).isEqualTo("order_status");
        assertThat(NativeEnums.snakeCase("HTTPCode")).isEqualTo("http_code");
        assertThat(NativeEnums.snakeCase("Level2Access")).isEqualTo("level2_access");
    }

    static Stream<Arguments> wrongMappings() {
        return Stream.of(
                Arguments.of(
                        NotEnum.class,
                        "NotEnum.status is @Enumerated but of type String: @Enumerated applies to enum fields only"),
                Arguments.of(
                        BadName.class,
                        "BadName.status has @Enumerated(NATIVE) with type name \"order status\", which is not a valid type"
                                + " name: use letters, digits and underscores"),
                Arguments.of(
                        NameWithTypeName.class,
                        "NameWithTypeName.status has @Enumerated(typeName = \"order_status\") but stores the enum by NAME:"
                                + " typeName names a database enum type, so add value = EnumStorage.NATIVE, or remove"
                                + " typeName"),
                Arguments.of(
                        OrdinalWithTypeName.class,
                        "OrdinalWithTypeName.status has @Enumerated(typeName = \"order_status\") but stores the enum by"
                                + " ORDINAL"),
                Arguments.of(
                        Empty.class,
                        "Empty.nothing has @Enumerated(NATIVE), but enum " + Nothing.class.getName()
                                + " has no constants to be the labels of type nothing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongMappings")
    void shouldRefuseAWrongNativeEnumMappingNamingTheFix(Class<?> type, String message) {
        assertThatThrownBy(() -> Mapping.of(type))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(message);
    }

    @Test
    void shouldRefuseOneTypeNameForDifferentConstants() {
        assertThatThrownBy(() -> Mapping.of(Order.class, Shared.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(
                        "Order.status and Shared.code share database enum type order_status with different"
                                + " constants ([NEW, PAID] and [OK]): give one of them another @Enumerated(typeName = ...)");
    }

    @Test
    void shouldRefuseATypeNamedLikeATable() {
        assertThatThrownBy(() -> Mapping.of(TableNamedLikeType.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("TableNamedLikeType.status is stored in database enum type order_status, which is"
                        + " also the name of a table: give it another @Enumerated(typeName = ...)");
    }
}
