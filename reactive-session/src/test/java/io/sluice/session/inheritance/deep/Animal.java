package io.sluice.session.inheritance.deep;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.Inheritance;

/** The root of a three-level single-table hierarchy: Animal, Dog, Puppy. */
@Entity(table = "deep_animal")
@Inheritance(subclasses = {Dog.class, Puppy.class})
public class Animal {
    @Id
    @Generated
    private Integer id;

    private String name;

    protected Animal() {}

    public Animal(String name) {
        this.name = name;
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
