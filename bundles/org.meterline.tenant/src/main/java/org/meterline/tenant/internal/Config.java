package org.meterline.tenant.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Meterline customers and accounts",
        description = "The first system admin and how passwords are hashed")
@interface Config {

    @AttributeDefinition(description = "Username of the system admin created on first start")
    String adminUsername() default "admin";

    @AttributeDefinition(type = AttributeType.PASSWORD,
            description = "Password of the system admin created on first start; when empty, one is generated"
                    + " and printed once to the console")
    String adminPassword() default "";

    @AttributeDefinition(description = "bcrypt cost (log2 of rounds), 4..31")
    int bcryptCost() default 10;
}
