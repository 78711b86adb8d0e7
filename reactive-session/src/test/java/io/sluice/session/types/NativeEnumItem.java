package io.sluice.session.types;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Enumerated;
import io.sluice.session.mapping.Enumerated.EnumStorage;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;

/** An item with two enums stored in database enum types: one named after its enum, one named by the field. */
@Entity(table = "native_enum_item")
public class NativeEnumItem {
    @Id
    @Generated
    private Integer id;

    private String name;

    @Enumerated(EnumStorage.NATIVE)
    private NativeMood mood;

    @Enumerated(value = EnumStorage.NATIVE, typeName = "native_enum_size")
    private NativeSize size;

    protected NativeEnumItem() {}

    public NativeEnumItem(String name, NativeMood mood, NativeSize size) {
        this.name = name;
        this.mood = mood;
        this.size = size;
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public NativeMood getMood() {
        return mood;
    }

    public void setMood(NativeMood mood) {
        this.mood = mood;
    }

    public NativeSize getSize() {
        return size;
    }

    public void setSize(NativeSize size) {
        this.size = size;
    }
}
