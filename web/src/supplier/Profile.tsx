import { EnterpriseProfile } from '../common/EnterpriseProfile';
import { graphql } from '../gql/supplier';

const PROFILE = graphql(`
  query SupplierEnterpriseProfile($id: ID!) {
    enterprise(id: $id) {
      id
      kind
      nameZh
      nameEn
      region
      gln
      status
    }
  }
`);

const CHANGE_ENTERPRISE = graphql(`
  mutation ChangeSupplierEnterprise($id: ID!, $input: EnterpriseChangeInput!, $key: String!) {
    changeEnterprise(id: $id, input: $input, idempotencyKey: $key) {
      id
      nameZh
      nameEn
      region
      gln
      status
    }
  }
`);

/** The supplier's own directory entry: how studios and customers know it. */
export function SupplierProfile({ enterpriseId }: { enterpriseId: string }) {
  return <EnterpriseProfile enterpriseId={enterpriseId} documents={{ profile: PROFILE, change: CHANGE_ENTERPRISE }} />;
}
