package io.sluice.session.inheritance.deep;

import io.sluice.session.mapping.Entity;

/** A dog: an animal with a breed. */
@Entity
public class Dog extends Animal {
    private String breed;

    protected Dog() {}

    public Dog(String name, String breed) {
        super(name);
        this.breed = breed;
    }

    public String getBreed() {
        return breed;
    }

    public void setBreed(String breed) {
        this.breed = breed;
    }
}
