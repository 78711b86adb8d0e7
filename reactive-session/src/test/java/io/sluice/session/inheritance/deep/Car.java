package io.sluice.session.inheritance.deep;

import io.sluice.session.mapping.Entity;

/** A car: a vehicle with a make, in table deep_car. */
@Entity(table = "deep_car")
public class Car extends Vehicle {
    private String make;

    protected Car() {}

    public Car(String name, String make) {
        super(name);
        this.make = make;
    }

    public String getMake() {
        return make;
    }

    public void setMake(String make) {
        this.make = make;
    }
}
