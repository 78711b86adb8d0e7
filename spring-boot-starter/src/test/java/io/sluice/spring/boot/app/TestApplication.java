package io.sluice.spring.boot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.r2dbc.convert.R2dbcCustomConversions;
import org.springframework.data.r2dbc.mapping.R2dbcMappingContext;

/** The test application: the starter, a URL and a service. */
@SpringBootApplication
public class TestApplication {

    /** Spring Data R2DBC quotes names by default, which H2 then reads as lower case: Sluice's tables are not quoted. */
    @Bean
    R2dbcMappingContext r2dbcMappingContext(R2dbcCustomConversions conversions) {
        R2dbcMappingContext context = new R2dbcMappingContext();
        context.setForceQuote(false);
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        return context;
    }
}
