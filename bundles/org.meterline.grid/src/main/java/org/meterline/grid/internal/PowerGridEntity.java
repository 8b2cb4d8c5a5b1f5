package org.meterline.grid.internal;

import javax.persistence.Column;
import javax.persistence.DiscriminatorType;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.meterline.grid.api.PowerGrid;
import org.meterline.persistence.Jpa;

/**
 * A node of the power grid hierarchy. The superior grid is kept as a plain id (the database
 * holds the foreign key): the hierarchy is always worked on as a whole, see {@link GridTree}.
 */
@Entity
@Table(name = "ML_POWER_GRID")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "TENANT_ID", contextProperty = Jpa.TENANT_PROPERTY,
        discriminatorType = DiscriminatorType.INTEGER)
class PowerGridEntity {

    @Id
    @TableGenerator(name = "powerGridId", table = "ML_GRID_ID", pkColumnName = "ID_NAME",
            valueColumnName = "ID_VALUE", pkColumnValue = "POWER_GRID", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "powerGridId")
    Long id;

    /** The superior grid; null for a root. */
    @Column(name = "PARENT_ID")
    Long parentId;

    @Column(nullable = false, length = 100)
    String name;

    @Column(name = "SHORT_NAME", length = 32)
    String shortName;

    Double latitude;

    Double longitude;

    PowerGrid toDto(String path) {
        return new PowerGrid(id, parentId, name, shortName, latitude, longitude, path);
    }
}
