package io.sluice.session.inheritance.deep;

import io.sluice.session.mapping.Entity;

/** A sports car: a car with a spoiler, in table deep_sports_car. */
@Entity(table = "deep_sports_car")
public class SportsCar extends Car {
    private String spoiler;

    protected SportsCar() {}

    public SportsCar(String name, String make, String spoiler) {
        super(name, make);
        this.spoiler = spoiler;
    }

    public String getSpoiler() {
        return spoiler;
    }

    public void setSpoiler(String spoiler) {
        this.spoiler = spoiler;
    }
}
