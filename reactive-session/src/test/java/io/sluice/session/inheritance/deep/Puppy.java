package io.sluice.session.inheritance.deep;

import io.sluice.session.mapping.Entity;

/** A puppy: a dog with a toy. */
@Entity
public class Puppy extends Dog {
    private String toy;

    protected Puppy() {}

    public Puppy(String name, String breed, String toy) {
        super(name, breed);
        this.toy = toy;
    }

    public String getToy() {
        return toy;
    }

    public void setToy(String toy) {
        this.toy = toy;
    }
}
