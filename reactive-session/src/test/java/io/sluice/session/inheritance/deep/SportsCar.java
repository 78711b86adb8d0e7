package io.sluice.session.inheritance.deep;

import io.sluice.session.ToOne;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.ManyToOne;

/** A sports car: a car with a spoiler, in table deep_sports_car. */
@Entity(table = "deep_sports_car")
public class SportsCar extends Car {
    private String spoiler;

    private Integer mascotId;

    @ManyToOne
    private final ToOne<Dog> mascot = ToOne.create(this);

    protected SportsCar() {}

    public SportsCar(String name, String make, String spoiler) {
        super(name, make);
        this.spoiler = spoiler;
    }

    public ToOne<Dog> getMascot() {
        return mascot;
    }

    public String getSpoiler() {
        return spoiler;
    }

    public void setSpoiler(String spoiler) {
        this.spoiler = spoiler;
    }
}
