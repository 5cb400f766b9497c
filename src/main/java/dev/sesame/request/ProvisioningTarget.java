package dev.sesame.request;

import dev.sesame.provisioning.GroupExternalId;
import dev.sesame.provisioning.ProvisioningSystemId;

/** The group a request adds its requester to, fixed when the request is submitted. */
public record ProvisioningTarget(ProvisioningSystemId system, GroupExternalId group) {}
