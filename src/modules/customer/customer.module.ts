import { Module } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { AuthModule } from '../auth/auth.module';
import { CustomerAddresses } from './customer-addresses.service';
import { CustomerGroups } from './customer-groups.service';
import { CustomerService } from './customer.service';
import { CustomerAddress } from './entities/customer-address.entity';
import { CustomerGroupCustomer } from './entities/customer-group-customer.entity';
import { CustomerGroup } from './entities/customer-group.entity';
import { Customer } from './entities/customer.entity';
import { AdminCustomerGroupsController } from './http/admin-customer-groups.controller';
import { AdminCustomersController } from './http/admin-customers.controller';
import { StoreCustomersController } from './http/store-customers.controller';

@Module({
  imports: [ormFeature([Customer, CustomerAddress, CustomerGroup, CustomerGroupCustomer]), AuthModule],
  controllers: [StoreCustomersController, AdminCustomersController, AdminCustomerGroupsController],
  providers: [CustomerService, CustomerAddresses, CustomerGroups],
  exports: [CustomerService],
})
export class CustomerModule {}
